using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsRm.Interop.Tests;

/// <summary>
/// Retransmission and duplicate detection end to end: the WCF client talks to the server through a
/// <see cref="LossyForwarder"/> that drops 20% of requests and 20% of responses (fixed seed per configuration).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class LossyNetworkTests(InteropServerFixture server, ITestOutputHelper output)
{
    private const int Posts = 30;
    private const int Echoes = 10;

    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Posts_and_echoes_survive_a_lossy_link(string configName)
    {
        var config = BindingMatrix.Get(configName);
        await WarmUpAsync(config);
        var seed = 1000 + BindingMatrix.All.ToList().IndexOf(config);
        await using var forwarder = await LossyForwarder.StartAsync(server.BaseAddress, seed, LossyLink);
        var path = config.Path("/echo");
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(path), via: forwarder.Url(path));
        var proxy = client.NewChannel();
        try
        {
            await PostAndEchoAsync(config, forwarder, proxy);
        }
        finally
        {
            output.WriteLine(forwarder.Summary);
            output.WriteLine(string.Join(Environment.NewLine, forwarder.Exchanges));
        }
    }

    private async Task PostAndEchoAsync(BindingConfig config, LossyForwarder forwarder, IEchoService proxy)
    {
        var prefix = Texts.UniquePrefix("Lossy");
        var posts = Texts.Numbered(prefix, Posts);

        for (var i = 0; i < Posts; i++)
        {
            var text = posts[i];
            await Wcf.CallAsync(() => proxy.Post(text));
            if (i % (Posts / Echoes) != Posts / Echoes - 1) continue;
            var echo = $"echo-{prefix}{i:D3}";
            Assert.Equal(echo, await Wcf.CallAsync(() => proxy.Echo(echo)));
        }

        if (!config.Ordered) await Eventually.AtLeastAsync(() => server.Posted.StartingWith(prefix), Posts);
        var received = await Wcf.CallAsync(() => proxy.Received(prefix));
        await Wcf.CloseAsync(proxy);

        Texts.AssertDelivered(posts, received, config.Ordered);
        Assert.True(forwarder.DroppedRequests > 0 && forwarder.DroppedResponses > 0,
            "The link lost nothing, so retransmission was not exercised (journal in the test output).");
    }

    /// <summary>
    /// One session through a lossless forwarder first, so the server's and the forwarder's code paths are compiled:
    /// WCF derives its retransmission timeout from the measured round trip of CreateSequence, and a cold path
    /// inflates it to seconds for the whole session.
    /// </summary>
    private async Task WarmUpAsync(BindingConfig config)
    {
        await using var forwarder = await LossyForwarder.StartAsync(server.BaseAddress, seed: 0, LossyProfile.Faithful);
        var path = config.Path("/echo");
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(path), via: forwarder.Url(path));
        var proxy = client.NewChannel();
        Assert.Equal("warm-up", await Wcf.CallAsync(() => proxy.Echo("warm-up")));
        await Wcf.CloseAsync(proxy);
    }

    /// <summary>
    /// 20% request loss and 20% response loss, each sequence message lost at most twice (so WCF's exponential
    /// back-off stays under about 1.5 s per message). Sequence creation, close and termination are exempt: see
    /// <see cref="LossExemptActions"/> for why (WCF client timers, not server behaviour).
    /// </summary>
    private static readonly LossyProfile LossyLink = LossyProfile.Dropping(0.2, 0.2) with
    {
        MaxDropsPerMessage = 2,
        MaxFaults = 1000,
        Exempt = LossExemptActions.All,
    };
}
