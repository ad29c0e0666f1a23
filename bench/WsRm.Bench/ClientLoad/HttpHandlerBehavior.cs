using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// Puts a <see cref="CountingHandler"/> in front of the WCF HTTP transport's handler: the transport looks for a
/// <c>Func&lt;HttpClientHandler, HttpMessageHandler&gt;</c> among the binding parameters.
/// </summary>
internal sealed class HttpHandlerBehavior(HttpStats stats) : IEndpointBehavior
{
    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters) =>
        bindingParameters.Add(new Func<HttpClientHandler, HttpMessageHandler>(inner => new CountingHandler(stats, inner)));

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) { }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher) { }

    public void Validate(ServiceEndpoint endpoint) { }
}
