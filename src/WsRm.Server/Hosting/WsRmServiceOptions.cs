namespace WsRm.Server;

/// <summary>Per-endpoint settings given to <c>MapWsRmService</c> / <c>MapSoapService</c>; unset values come from <see cref="WsRmServerOptions"/>.</summary>
public sealed class WsRmServiceOptions
{
    /// <summary>Ordered delivery on this endpoint (reliable endpoints only).</summary>
    public bool? Ordered { get; set; }

    /// <summary>Instance lifetime on this endpoint.</summary>
    public ServiceInstanceMode? InstanceMode { get; set; }

    /// <summary>The contract interface to expose when the service implements several.</summary>
    public Type? Contract { get; set; }
}
