using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Protocol.Contracts;
using WsRm.Server.Dispatch;

namespace WsRm.Server.Hosting;

/// <summary>One mapped service endpoint: its operations, delivery settings and how its instances are made.</summary>
internal sealed class ServiceEndpoint
{
    private readonly IServiceProvider _services;
    private readonly ObjectFactory _factory;
    private readonly Lazy<ServiceInstanceLease> _single;

    public ServiceEndpoint(string pattern, ServiceDispatcher dispatcher, bool ordered, ServiceInstanceMode instanceMode,
        bool includeExceptionDetail, IServiceProvider services)
    {
        Pattern = pattern;
        Dispatcher = dispatcher;
        Ordered = ordered;
        InstanceMode = instanceMode;
        IncludeExceptionDetail = includeExceptionDetail;
        _services = services;
        _factory = ActivatorUtilities.CreateFactory(dispatcher.ServiceType, Type.EmptyTypes);
        _single = new(() => new ServiceInstanceLease(_factory(_services, null), null));
    }

    public string Pattern { get; }
    public ServiceDispatcher Dispatcher { get; }
    public bool Ordered { get; }
    public ServiceInstanceMode InstanceMode { get; }
    public bool IncludeExceptionDetail { get; }

    /// <summary>
    /// True when the endpoint's sequences, accepted messages and kept replies live in the store
    /// (<see cref="WsRmServiceOptions.Durable"/>): written before they are acknowledged or answered, and recovered after
    /// a restart.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>
    /// For a queued endpoint (<c>MapWsRmQueue</c>), its settings: accepted messages go to the target queue in the store
    /// and a consumer runs them at its own pace; null for an endpoint that delivers on its sessions.
    /// </summary>
    public WsRmQueueOptions? Queue { get; init; }

    /// <summary>The WSDL and XSD served on GET, or null when the endpoint publishes no metadata.</summary>
    public WsRm.Protocol.Metadata.ServiceMetadata? Metadata { get; init; }

    /// <summary>The configured address (<see cref="WsRmServiceOptions.Address"/>), or null to take the request URL.</summary>
    public Uri? Address { get; init; }

    /// <summary>
    /// This endpoint's own address for a request that reached it: <see cref="Address"/> when set, otherwise the request
    /// URL as this host sees it (scheme, host, PathBase and path, without the query; what UseForwardedHeaders put there
    /// when the app uses it). Never the request's wsa:To.
    /// </summary>
    public string AddressFor(HttpRequest request) =>
        Address?.OriginalString ?? UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);

    /// <summary>The endpoint's single instance (Single mode).</summary>
    public ServiceInstanceLease Single => _single.Value;

    /// <summary>
    /// The instance for one call that has no session instance: the endpoint's single instance, or a new one in its own
    /// scope (a plain call is its own session). Give it back with <see cref="ReleaseCallInstance"/>.
    /// </summary>
    public ServiceInstanceLease AcquireCallInstance() => InstanceMode == ServiceInstanceMode.Single ? Single : CreateScoped();

    /// <summary>Ends a lease from <see cref="AcquireCallInstance"/>; the single instance lives on.</summary>
    public ValueTask ReleaseCallInstance(ServiceInstanceLease lease) =>
        InstanceMode == ServiceInstanceMode.Single ? ValueTask.CompletedTask : lease.DisposeAsync();

    /// <summary>A new instance in a new DI scope.</summary>
    public ServiceInstanceLease CreateScoped()
    {
        var scope = _services.CreateAsyncScope();
        return new ServiceInstanceLease(_factory(scope.ServiceProvider, null), scope);
    }
}
