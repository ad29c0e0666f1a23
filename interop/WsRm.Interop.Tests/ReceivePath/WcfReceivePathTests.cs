using System.Diagnostics;
using System.ServiceModel;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests.ReceivePath;

/// <summary>The receive path with the real WCF client: window smaller than the client's, held requests, service failures.</summary>
public sealed class WcfReceivePathTests
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task A_burst_into_a_full_buffer_flows_on_without_waiting_for_WCFs_next_poll(string configName)
    {
        var config = BindingMatrix.Get(configName);
        await using var server = await GatedServer.StartAsync(o => o.MaxTransferWindowSize = 4);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));
        var proxy = client.NewChannel();
        await Wcf.OpenAsync(proxy);
        server.Gate.Close();

        // WCF's window is 8, the server's buffer 4: with the service held, one message is with it and four fill the
        // buffer. A BufferRemaining of 0 would stop WCF until its next poll (SendTimeout / 2 = 15 s here).
        // One caller, one call at a time: WCF's own wait queue is not raced (it has a bug there, "Queue empty", seen
        // with concurrent callers; see the README's client benchmark).
        var stopwatch = Stopwatch.StartNew();
        var posts = Wcf.CallAsync(() => { for (var i = 0; i < 12; i++) proxy.Post($"burst-{i}"); });
        await server.Gate.Entered.WaitAsync(Wcf.CallTimeout);
        await server.AnsweredAsync(200, count: 1 + 4, Wcf.CallTimeout);
        server.Gate.Open();
        await posts;
        var received = await Wcf.CallAsync(() => proxy.Received("burst-"));
        var echoes = await Wcf.CallAsync(() => Enumerable.Range(0, 12).Select(i => proxy.Echo($"e{i}")).ToArray());
        stopwatch.Stop();

        Assert.Equal(12, received.Distinct().Count());
        if (config.Ordered) Assert.Equal(Enumerable.Range(0, 12).Select(i => $"burst-{i}").Order(), received.Order());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"e{i}"), echoes);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(12), $"The burst took {stopwatch.Elapsed}: WCF waited for its poll.");
        await Wcf.CloseAsync(proxy);
    }

    [Fact]
    public async Task A_request_held_past_ReplyWaitTimeout_still_completes_for_the_WCF_client()
    {
        await using var server = await GatedServer.StartAsync(o => o.ReplyWaitTimeout = TimeSpan.FromSeconds(1));
        var config = BindingMatrix.Get("Custom RM1.1 SOAP1.2 ordered");
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url("/echo"));
        var proxy = client.NewChannel();
        await Wcf.OpenAsync(proxy);
        server.Gate.Close();

        var call = Wcf.CallAsync(() => proxy.Echo("slow"));
        await server.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3));
        server.Gate.Open();

        Assert.Equal("slow", await call);
        Assert.Equal("next", await Wcf.CallAsync(() => proxy.Echo("next")));
        await Wcf.CloseAsync(proxy);
    }

    [Fact]
    public async Task Stopping_the_host_answers_a_held_request_at_once()
    {
        await using var server = await GatedServer.StartAsync(shutdownTimeout: TimeSpan.FromSeconds(30));
        var config = BindingMatrix.Get("Custom RM1.1 SOAP1.2 ordered");
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url("/echo"));
        var proxy = client.NewChannel();
        await Wcf.OpenAsync(proxy);
        server.Gate.Close();
        var call = Wcf.CallAsync(() => proxy.Echo("held"));
        await server.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var gate = server.Gate;
        var stopwatch = Stopwatch.StartNew();
        await server.StopHostAsync().WaitAsync(TimeSpan.FromSeconds(30));
        stopwatch.Stop();
        gate.Open();
        ((IClientChannel)proxy).Abort();
        await Assert.ThrowsAnyAsync<Exception>(() => call);

        // The host's ShutdownTimeout is 30 s here (as by default); held requests do not make it wait that long.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {stopwatch.Elapsed}.");
    }

    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task An_unexpected_service_exception_faults_the_WCF_channel_and_ends_the_servers_session(string configName)
    {
        var config = BindingMatrix.Get(configName);
        await using var server = await GatedServer.StartAsync(o => o.MaxSequencesPerClient = 2);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var proxy = client.NewChannel();
            Assert.Equal("ok", await Wcf.CallAsync(() => proxy.Echo("ok")));
            await Assert.ThrowsAsync<FaultException>(() => Wcf.CallAsync(() => proxy.Echo("throw")));
            Assert.Equal(CommunicationState.Faulted, Wcf.State(proxy));
        }
    }
}
