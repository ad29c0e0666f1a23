using System.Diagnostics;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>Through a forwarder that drops, duplicates, delays and reorders: exactly once, in order.</summary>
[Collection(ServerCollection.Name)]
public sealed class LossyNetworkTests(ServerFixture server)
{
    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Posts_arrive_once_in_order_and_every_echo_is_answered(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var watch = Stopwatch.StartNew();
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 1234 + (int)rm * 10 + (int)soap);
        using var http = Sessions.Http();
        var options = Sessions.Options(server.EchoAddress, rm, soap, via: forwarder.Address);
        options.MaxRetryCount = 20;
        options.MaxTransferWindowSize = 8; // the server's receive window: no 503s from an overfull buffer
        options.MaxRetransmissionTimeout = TimeSpan.FromSeconds(1);
        var prefix = $"lossy-{rm}-{soap}-{Guid.NewGuid():N}-";

        var log = new RecordingLogger(TimeProvider.System);
        var session = await WsRmSession.OpenAsync(http, options, logger: log).Within();
        try
        {
          await using (session)
          {
            // 40 posts and 20 echoes, interleaved and all in flight together (the window and the server's buffer
            // hold the rest back).
            var posts = new List<Task>();
            var echoes = new List<(int, Task<string>)>();
            for (var i = 0; i < 40; i++)
            {
                posts.Add(session.PostAsync(prefix + i));
                if (i % 2 == 1) echoes.Add((i, session.EchoAsync($"echo {i}")));
            }
            await Task.WhenAll(posts).Within();
            foreach (var (i, echo) in echoes) Assert.Equal($"echo {i}", await echo.Within());

            // Through the lossy session itself (ordered delivery puts it after every post) …
            Assert.Equal(Enumerable.Range(0, 40).Select(i => prefix + i), await session.ReceivedAsync(prefix));
            await session.CloseAsync().Within();
          }
        }
        catch (Exception e)
        {
            var path = Path.Combine(Path.GetTempPath(), $"wsrm-lossy-{rm}-{soap}.log");
            File.WriteAllText(path, log.Dump());
            throw new Xunit.Sdk.XunitException($"{e}{Environment.NewLine}Client log: {path}");
        }

        // … and over a direct, non-lossy session.
        await using var direct = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, rm, soap)).Within();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => prefix + i), await direct.ReceivedAsync(prefix));
        await direct.CloseAsync().Within();

        Assert.True(forwarder.DroppedRequests > 0 && forwarder.DroppedResponses > 0 && forwarder.Duplicated > 0,
            $"faults injected: {forwarder.DroppedRequests} requests dropped, {forwarder.DroppedResponses} responses dropped, {forwarder.Duplicated} duplicated");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }
}
