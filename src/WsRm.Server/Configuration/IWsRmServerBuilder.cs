namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <c>AddWsRmServer</c> to configure the WS-RM server further, e.g.
/// <c>services.AddWsRmServer().BindConfiguration("WsRm")</c> (the shape of <c>AddGrpc()</c>'s <c>IGrpcServerBuilder</c>).
/// </summary>
public interface IWsRmServerBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}
