namespace WsRm.Server;

/// <summary>Per-endpoint settings given to <c>MapWsRmService</c> / <c>MapSoapService</c>; unset values come from <see cref="WsRmServerOptions"/>.</summary>
public sealed class WsRmServiceOptions
{
    /// <summary>Ordered delivery on this endpoint (reliable endpoints only).</summary>
    public bool? Ordered { get; set; }

    /// <summary>Instance lifetime on this endpoint.</summary>
    public ServiceInstanceMode? InstanceMode { get; set; }

    /// <summary>
    /// The one <c>[ServiceContract]</c> interface to serve. Null (the default) serves every contract the service
    /// implements at this address, requests told apart by action (as WCF lets endpoints with different contracts share
    /// an address); mapping fails, naming both operations, when two contracts have an operation with the same action.
    /// </summary>
    public Type? Contract { get; set; }
}
