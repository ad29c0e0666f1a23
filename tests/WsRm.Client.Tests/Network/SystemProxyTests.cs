using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Network;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideProxyCollection
{
    public const string Name = "process-wide proxy settings";
}

/// <summary>
/// <see cref="WsRmHttp.CreateHandler"/>'s <c>useSystemProxy</c>, through a real squid. On Linux the system proxy is
/// <see cref="HttpClient.DefaultProxy"/>: built from http_proxy/HTTP_PROXY/no_proxy once per process, at its first
/// use. Both are process-wide, so these tests run alone (a collection without parallelisation), pin DefaultProxy
/// before touching the environment, and restore everything they change.
/// </summary>
[Collection(ProcessWideProxyCollection.Name)]
public sealed class SystemProxyTests(ServerFixture server, SquidFixture squid) : IClassFixture<ServerFixture>, IClassFixture<SquidFixture>
{
    private bool Forwarded(SquidLogEntry e) =>
        e.Method == "POST" && e.Url == server.EchoAddress.ToString() && e.User == squid.User && e.Status is 200 or 202;

    private string ProxyUrlWithCredentials() => $"http://{squid.User}:{squid.Password}@127.0.0.1:{squid.Address.Port}/";

    private async Task RunThroughAsync(SocketsHttpHandler handler, string test)
    {
        var before = squid.AccessLog().Count;
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, WsRmVersion.Rm11, WsRmSoapVersion.Soap12)).Within();
        var sent = await Workload.RunAndCloseAsync(session, Workload.Prefix(test), posts: 5);
        var log = await squid.AccessLogAsync(before, Forwarded, sent + 3);
        Assert.True(log.Count(Forwarded) >= sent + 3, $"{log.Count(Forwarded)} requests forwarded by squid, expected at least {sent + 3}");
    }

    [Fact]
    public async Task UseSystemProxy_sends_through_HttpClient_DefaultProxy()
    {
        var handler = WsRmHttp.CreateHandler(useSystemProxy: true);
        Assert.True(handler.UseProxy);
        Assert.Null(handler.Proxy); // SocketsHttpHandler then takes HttpClient.DefaultProxy when it sends its first request
        Assert.False(WsRmHttp.CreateHandler().UseProxy);

        var original = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = squid.Proxy(squid.Credentials);
        try
        {
            await RunThroughAsync(handler, "default-proxy");
        }
        finally
        {
            HttpClient.DefaultProxy = original;
        }
    }

    [Fact]
    public async Task The_environment_proxy_with_credentials_in_the_url_goes_through_squid_and_is_not_bypassed_for_loopback()
    {
        _ = HttpClient.DefaultProxy; // pinned: built from the environment as it was, whatever this test sets
        using var environment = new EnvironmentScope(
            ("http_proxy", ProxyUrlWithCredentials()), ("HTTP_PROXY", null), ("all_proxy", null), ("ALL_PROXY", null),
            ("no_proxy", null), ("NO_PROXY", null));

        var proxy = EnvironmentProxy.Build();

        Assert.NotNull(proxy);
        Assert.False(proxy.IsBypassed(server.EchoAddress), $"{proxy.GetType().Name} bypasses {server.EchoAddress}");
        Assert.Equal(squid.Address.Port, proxy.GetProxy(server.EchoAddress)?.Port);
        await RunThroughAsync(WsRmHttp.CreateHandler(proxy), "environment-proxy");
    }

    [Fact]
    public async Task No_proxy_naming_the_service_host_bypasses_squid()
    {
        _ = HttpClient.DefaultProxy;
        using var environment = new EnvironmentScope(
            ("http_proxy", ProxyUrlWithCredentials()), ("HTTP_PROXY", null), ("all_proxy", null), ("ALL_PROXY", null),
            ("no_proxy", "127.0.0.1"), ("NO_PROXY", null));
        var proxy = EnvironmentProxy.Build();
        Assert.NotNull(proxy);
        Assert.True(proxy.IsBypassed(server.EchoAddress));

        var before = squid.AccessLog().Count;
        using var http = new HttpClient(WsRmHttp.CreateHandler(proxy)) { Timeout = Timeout.InfiniteTimeSpan };
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, WsRmVersion.Rm10, WsRmSoapVersion.Soap12)).Within();
        await Workload.RunAndCloseAsync(session, Workload.Prefix("no-proxy"), posts: 3);
        await Task.Delay(200);
        Assert.DoesNotContain(squid.AccessLog().Skip(before), e => e.IsRequest);
    }

    [Fact]
    public void DefaultProxy_is_read_once_per_process_so_later_environment_changes_do_not_reach_it()
    {
        var pinned = HttpClient.DefaultProxy;
        var before = pinned.GetProxy(server.EchoAddress);
        using var environment = new EnvironmentScope(("http_proxy", ProxyUrlWithCredentials()), ("no_proxy", null), ("NO_PROXY", null));

        Assert.Same(pinned, HttpClient.DefaultProxy);
        Assert.Equal(before, HttpClient.DefaultProxy.GetProxy(server.EchoAddress));
    }
}
