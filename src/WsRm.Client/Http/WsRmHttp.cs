using System.Net;

namespace WsRm.Client;

/// <summary>Builds the HTTP handler a <see cref="WsRmSession"/>'s <see cref="HttpClient"/> should use.</summary>
public static class WsRmHttp
{
    /// <summary>
    /// A <see cref="SocketsHttpHandler"/> for SOAP over HTTP: no redirects (a redirected POST would lose its body), no
    /// cookies, no automatic decompression, and a proxy only when one is given or <paramref name="useSystemProxy"/> is
    /// true (as microsoft/reverse-proxy's <c>ForwarderHttpClientFactory</c> does).
    /// </summary>
    /// <param name="proxy">An explicit proxy, or null.</param>
    /// <param name="useSystemProxy">Use the system proxy settings when <paramref name="proxy"/> is null.</param>
    public static SocketsHttpHandler CreateHandler(IWebProxy? proxy = null, bool useSystemProxy = false)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        if (proxy is not null)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }
        else
        {
            handler.UseProxy = useSystemProxy;
        }
        return handler;
    }
}
