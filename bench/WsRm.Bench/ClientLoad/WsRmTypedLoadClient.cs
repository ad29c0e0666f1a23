using WsRm.Client;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// Our typed proxies: <see cref="WsRmChannelFactory{TContract}"/> over the same <see cref="IEchoServiceAsync"/>
/// contract the WCF client uses, with the options of <see cref="WsRmLoadClient"/>. One factory and one HttpClient for
/// the whole run; each session is a channel.
/// </summary>
internal sealed class WsRmTypedLoadClient : ILoadClient
{
    private readonly HttpClient _http;
    private readonly WsRmChannelFactory<IEchoServiceAsync> _factory;

    public WsRmTypedLoadClient(Uri address, int window, TimeSpan timeout)
    {
        _http = new HttpClient(new CountingHandler(Http, WsRmHttp.CreateHandler()));
        _factory = new WsRmChannelFactory<IEchoServiceAsync>(
            WsRmLoadClient.MatchingOptions(WcfLoadClient.CreateBinding(), address, window, timeout), _http, loggerFactory: new CountingLoggerFactory(Log));
    }

    public string Name => "WsRm typed";

    public HttpStats Http { get; } = new();

    public CountingLogger? Log { get; } = new();

    public async Task<ILoadSession> OpenAsync() => new WsRmTypedLoadSession(await _factory.CreateChannelAsync().ConfigureAwait(false));

    public void Dispose()
    {
        _factory.Dispose();
        _http.Dispose();
    }
}
