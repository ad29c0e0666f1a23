using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// The real WCF client (System.ServiceModel.Http 10.1.0): a CustomBinding of <c>new ReliableSessionBindingElement()</c>
/// at its defaults, <c>TextMessageEncodingBindingElement</c> and <c>HttpTransportBindingElement</c>. One
/// ChannelFactory for the whole run; each session is a channel.
/// </summary>
internal sealed class WcfLoadClient : ILoadClient
{
    private readonly ChannelFactory<IEchoServiceAsync> _factory;

    public WcfLoadClient(Uri address, TimeSpan timeout)
    {
        var binding = CreateBinding();
        binding.OpenTimeout = binding.SendTimeout = binding.CloseTimeout = timeout;
        _factory = new ChannelFactory<IEchoServiceAsync>(binding, new EndpointAddress(address));
        _factory.Endpoint.EndpointBehaviors.Add(new HttpHandlerBehavior(Http));
        _factory.Open();
    }

    public string Name => "WCF";

    public HttpStats Http { get; } = new();

    public CountingLogger? Log => null;

    /// <summary>The binding measured: reliable session, text encoding and HTTP transport, all at their defaults.</summary>
    public static CustomBinding CreateBinding() => new(
        new ReliableSessionBindingElement(),
        new TextMessageEncodingBindingElement(),
        new HttpTransportBindingElement());

    public async Task<ILoadSession> OpenAsync()
    {
        var proxy = _factory.CreateChannel();
        var channel = (IClientChannel)proxy;
        await Task.Factory.FromAsync(channel.BeginOpen, channel.EndOpen, null);
        return new WcfLoadSession(proxy);
    }

    public void Dispose() => _factory.Abort();
}
