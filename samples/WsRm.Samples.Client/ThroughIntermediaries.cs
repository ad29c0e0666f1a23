using System.Net;
using WsRm.Client;
using WsRm.Samples.Contracts;

namespace WsRm.Samples.Client;

/// <summary>The echo service through an HTTP proxy with credentials and a SOAP intermediary (addresses are examples).</summary>
public static class ThroughIntermediaries
{
    public static async Task CallAsync()
    {
        // An HTTP proxy with credentials (tested through a real squid). WsRmHttp.CreateHandler(useSystemProxy: true) takes
        // the system's settings instead (HttpClient.DefaultProxy: on Linux http_proxy/https_proxy/no_proxy, read once).
        var proxy = new WebProxy("http://proxy.example:3128") { Credentials = new NetworkCredential("user", "secret") };
        using var http = new HttpClient(WsRmHttp.CreateHandler(proxy)) { Timeout = Timeout.InfiniteTimeSpan };

        // A SOAP intermediary: Address is the logical service (wsa:To, never connected to), Via the URL the requests go to,
        // as WCF's ClientVia.
        using var factory = new WsRmChannelFactory<IEchoService>(new WsRmClientOptions
        {
            Address = new Uri("http://orders.partner.example/echo"),
            Via = new Uri("https://gateway.partner.example/soap"),
        }, http);
        IEchoService echo = factory.CreateChannel();

        Console.WriteLine(echo.Echo("hello"));
        await ((IWsRmChannel)echo).CloseAsync();
    }
}
