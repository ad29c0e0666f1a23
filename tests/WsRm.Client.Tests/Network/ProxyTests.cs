using System.Diagnostics;
using System.Net;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Network;

/// <summary>Sessions through a real squid with Basic authentication; squid's access log proves the traffic went through it.</summary>
public sealed class ProxyTests(ServerFixture server, SquidFixture squid) : IClassFixture<ServerFixture>, IClassFixture<SquidFixture>
{
    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    private static HttpClient Through(IWebProxy proxy) => new(WsRmHttp.CreateHandler(proxy)) { Timeout = Timeout.InfiniteTimeSpan };

    private bool ForTheService(SquidLogEntry e) => e.Method == "POST" && e.Url == server.EchoAddress.ToString();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_session_through_squid_with_credentials_works_end_to_end_and_every_message_passes_squid(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var before = squid.AccessLog().Count;
        using var http = Through(squid.Proxy(squid.Credentials));
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, rm, soap)).Within();

        var sent = await Workload.RunAndCloseAsync(session, Workload.Prefix($"squid-{rm}-{soap}"));

        // CreateSequence, the application messages, then CloseSequence (1.1) or LastMessage (1.0), and TerminateSequence:
        // each forwarded by squid for the authenticated user (retransmissions may add some). Each also appears once as
        // TCP_DENIED/407: .NET sends proxy credentials only when challenged (dotnet/runtime#66244).
        bool Forwarded(SquidLogEntry e) => ForTheService(e) && e.User == squid.User && e.Status is 200 or 202;
        var log = await squid.AccessLogAsync(before, Forwarded, sent + 3);
        Assert.True(log.Count(Forwarded) >= sent + 3,
            $"{log.Count(Forwarded)} forwarded requests in squid's log, expected at least {sent + 3}:{Environment.NewLine}{string.Join(Environment.NewLine, log)}");
        Assert.All(log.Where(e => e.IsRequest), e => Assert.True(ForTheService(e), $"unexpected entry {e}"));
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData("no credentials")]
    public async Task Wrong_or_missing_credentials_fail_at_once_with_407_instead_of_retrying(string credentials)
    {
        var before = squid.AccessLog().Count;
        var proxy = squid.Proxy(credentials == "no credentials" ? null : new NetworkCredential(squid.User, "not-the-password"));
        using var http = Through(proxy);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(
            () => WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, WsRmVersion.Rm11, WsRmSoapVersion.Soap12))).Within(Bounded.Short);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, Assert.IsType<HttpRequestException>(error.InnerException).StatusCode);
        Assert.Contains("HTTP 407", error.Message);
        Assert.Contains("WebProxy.Credentials", error.Message);
        Assert.Equal(1, error.Attempts);
        var log = await squid.AccessLogAsync(before, e => e.Status == 407, 1);
        Assert.Contains(log, e => ForTheService(e) && e.Status == 407 && e.Result == "TCP_DENIED");
        Assert.DoesNotContain(log, e => e.Status is 200 or 202);
    }

    [Fact]
    public async Task Credentials_that_stop_working_mid_session_fault_it_at_once_with_407()
    {
        var credentials = squid.Credentials;
        using var http = Through(squid.Proxy(credentials));
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, WsRmVersion.Rm10, WsRmSoapVersion.Soap11)).Within();
        Assert.Equal("before", await session.EchoAsync("before"));

        credentials.Password = "revoked";
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.PostAsync("after")).Within(Bounded.Short);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, Assert.IsType<HttpRequestException>(error.InnerException).StatusCode);
        Assert.True(session.IsFaulted);
    }

    [Fact]
    public async Task A_proxy_that_bypasses_local_addresses_sends_nothing_through_squid_so_the_log_check_is_meaningful()
    {
        var before = squid.AccessLog().Count;
        var proxy = squid.Proxy(squid.Credentials);
        proxy.BypassProxyOnLocal = true;
        using var http = Through(proxy);
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, WsRmVersion.Rm11, WsRmSoapVersion.Soap12)).Within();

        await Workload.RunAndCloseAsync(session, Workload.Prefix("bypass"), posts: 5);

        await Task.Delay(200); // squid writes a line as each request ends: give a stray one time to appear
        Assert.DoesNotContain(squid.AccessLog().Skip(before), e => e.IsRequest);
    }
}
