using System.ServiceModel;
using System.ServiceModel.Channels;
using WsRm.Client;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// Our client's message-level API: <see cref="WsRmSession"/> with hand-written Echo/Post bodies. The RM version, SOAP
/// version and ordering are taken from the WCF binding's defaults, so both clients speak the same protocol. One
/// HttpClient for the whole run.
/// </summary>
internal sealed class WsRmLoadClient : ILoadClient
{
    private readonly HttpClient _http;
    private readonly WsRmClientOptions _options;

    public WsRmLoadClient(Uri address, int window, TimeSpan timeout)
    {
        _http = new HttpClient(new CountingHandler(Http, WsRmHttp.CreateHandler()));
        _options = MatchingOptions(WcfLoadClient.CreateBinding(), address, window, timeout);
    }

    public string Name => "WsRm";

    public HttpStats Http { get; } = new();

    public CountingLogger? Log { get; } = new();

    /// <summary>Our options matching what <paramref name="binding"/> speaks.</summary>
    public static WsRmClientOptions MatchingOptions(CustomBinding binding, Uri address, int window, TimeSpan timeout)
    {
        var rm = binding.Elements.Find<ReliableSessionBindingElement>()!;
        var encoding = binding.Elements.Find<TextMessageEncodingBindingElement>()!;
        return new WsRmClientOptions
        {
            Address = address,
            Version = rm.ReliableMessagingVersion == ReliableMessagingVersion.WSReliableMessaging11 ? WsRmVersion.Rm11 : WsRmVersion.Rm10,
            Soap = encoding.MessageVersion.Envelope == EnvelopeVersion.Soap11 ? WsRmSoapVersion.Soap11 : WsRmSoapVersion.Soap12,
            Ordered = rm.Ordered,
            MaxTransferWindowSize = window,
            MaxRetryCount = rm.MaxRetryCount,
            InactivityTimeout = rm.InactivityTimeout,
            OperationTimeout = timeout,
        };
    }

    public async Task<ILoadSession> OpenAsync() =>
        new WsRmLoadSession(await WsRmSession.OpenAsync(_http, _options, logger: Log).ConfigureAwait(false));

    public void Dispose() => _http.Dispose();
}
