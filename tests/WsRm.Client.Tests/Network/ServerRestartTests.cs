using System.Diagnostics;
using WsRm.Client.Tests.Infrastructure;
using WsRm.Host;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// The service restarts mid-session. Its sequence state is in memory, so the restarted service no longer knows the
/// sequence: the session must fail fast with UnknownSequence rather than hang or retry until it runs out.
/// </summary>
public sealed class ServerRestartTests
{
    public static IEnumerable<object[]> Versions() =>
    [
        [WsRmVersion.Rm10, WsRmSoapVersion.Soap12],
        [WsRmVersion.Rm11, WsRmSoapVersion.Soap11],
    ];

    private static LoopbackServer NewServer() => new(HostApp.Build);

    private static async Task AssertUnknownSequenceAsync(WsRmSession session, Task call, Stopwatch since)
    {
        var error = await Assert.ThrowsAsync<WsRmFaultException>(() => call).Within(Bounded.Short);
        Assert.Equal("UnknownSequence", error.Subcode);
        Assert.Equal(session.SequenceId, error.Identifier);
        // Well before the retries would run out (about 25 s): the fault, not exhaustion, ends the session.
        Assert.True(since.Elapsed < TimeSpan.FromSeconds(10), $"took {since.Elapsed}");
        Assert.True(session.IsFaulted);
        var later = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.EchoAsync("later")).Within(Bounded.Short);
        Assert.IsType<WsRmFaultException>(later.InnerException);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task After_a_restart_the_next_call_fails_at_once_with_UnknownSequence(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var server = NewServer();
        await server.StartAsync();
        var address = server.Url("/echo");
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(address, rm, soap)).Within();
        Assert.Equal("before", await session.EchoAsync("before"));

        await server.StopAsync();
        await server.StartAsync();
        var watch = Stopwatch.StartNew();

        await AssertUnknownSequenceAsync(session, session.EchoAsync("after"), watch);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_post_made_while_the_server_is_down_fails_with_UnknownSequence_as_soon_as_it_is_back(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var server = NewServer();
        await server.StartAsync();
        var address = server.Url("/echo");
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(address, rm, soap)).Within();
        await session.PostAsync("before").Within();

        await server.StopAsync();
        var post = session.PostAsync("while down");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(post.IsCompleted);
        await server.StartAsync();
        var watch = Stopwatch.StartNew();

        await AssertUnknownSequenceAsync(session, post, watch);
    }
}
