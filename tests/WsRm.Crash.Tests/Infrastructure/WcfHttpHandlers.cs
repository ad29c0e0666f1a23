using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// Puts test handlers (<see cref="HttpCounts"/>, <see cref="AnswerHold"/>) in front of the WCF HTTP transport's own
/// handler: the transport looks for a <c>Func&lt;HttpClientHandler, HttpMessageHandler&gt;</c> among the binding parameters.
/// </summary>
public sealed class WcfHttpHandlers(Func<HttpMessageHandler, HttpMessageHandler> wrap) : IEndpointBehavior
{
    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters) =>
        bindingParameters.Add(new Func<HttpClientHandler, HttpMessageHandler>(inner => wrap(inner)));

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) { }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher) { }

    public void Validate(ServiceEndpoint endpoint) { }
}
