using System.Reflection;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// The system proxy as .NET builds it on Linux: <c>SystemProxyInfo.ConstructSystemProxy()</c>, which reads
/// http_proxy/HTTP_PROXY, https_proxy, all_proxy and no_proxy (credentials in the URL's user info). .NET calls it once
/// per process, the first time <see cref="HttpClient.DefaultProxy"/> is read, and keeps the result; calling it here
/// builds a fresh one from the variables as they are now, without touching the process-wide one. It is internal to
/// System.Net.Http, so it is reached by reflection; a runtime that renames it fails the test, saying so.
/// </summary>
internal static class EnvironmentProxy
{
    /// <summary>The proxy, or null (older runtimes) or an HttpNoProxy when no variable names one.</summary>
    public static System.Net.IWebProxy? Build()
    {
        var type = typeof(HttpClient).Assembly.GetType("System.Net.Http.SystemProxyInfo")
            ?? throw new InvalidOperationException("System.Net.Http.SystemProxyInfo is gone from this runtime; update EnvironmentProxy.");
        var construct = type.GetMethod("ConstructSystemProxy", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("SystemProxyInfo.ConstructSystemProxy is gone from this runtime; update EnvironmentProxy.");
        return (System.Net.IWebProxy?)construct.Invoke(null, null);
    }
}
