using System.Runtime.Serialization;
using WsRm.Protocol.Metadata;
using WsRm.Server.Dispatch;

namespace WsRm.Server.Metadata;

/// <summary>Builds an endpoint's metadata when it is mapped, so that a contract the exporters cannot describe stops startup.</summary>
internal static class MetadataFactory
{
    /// <summary>
    /// The metadata of <paramref name="dispatcher"/>'s contracts at <paramref name="pattern"/>; <paramref name="options"/>
    /// null for a plain endpoint (no WS-Policy), otherwise the reliable endpoint's settings for its WS-RM policy.
    /// Throws <see cref="InvalidOperationException"/> naming the endpoint when the contracts cannot be described.
    /// </summary>
    public static ServiceMetadata Create(string pattern, ServiceDispatcher dispatcher, WsRmServerOptions? options, bool ordered)
    {
        ReliablePolicy? policy = options is null ? null
            : new ReliablePolicy(options.InactivityTimeout, options.AcknowledgementInterval, ordered,
                options.FlowControlEnabled ? options.MaxTransferWindowSize : null);
        try
        {
            return ServiceMetadata.Create(dispatcher.ServiceType.Name, dispatcher.Contracts, policy);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or InvalidDataContractException)
        {
            throw new InvalidOperationException(
                $"Metadata of the endpoint at {pattern} cannot be published: {e.Message} Turn it off for this endpoint (PublishMetadata = false) or change the contract.", e);
        }
    }
}
