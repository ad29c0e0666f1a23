using System.Diagnostics;
using WsRm.Crash.Tests.Infrastructure;
using WsRm.Storage;

namespace WsRm.Crash.Tests.Source;

/// <summary>
/// The source side of a queued exchange, every part a real process: the queued sender sample (its transmission queue
/// in <see cref="CreateOutboxAsync"/>'s store) posts to the sample host's <c>/queue/post</c> (on SQLite), which records
/// each text in the transaction that takes its message off its target queue. The destination is down while the sender
/// enqueues, the sender is killed with SIGKILL mid-stream, messages expire and are requeued with <c>wsrm</c>: every text
/// is recorded exactly once, in the order it was enqueued.
/// </summary>
public abstract class QueuedSenderCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string TimeToLiveExpired = "TimeToLive expired before the destination acknowledged it.";
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private CrashStore? _outbox;
    private CrashStore? _hostStore;

    /// <summary>The sender's store, one per test.</summary>
    protected abstract Task<CrashStore> CreateOutboxAsync();

    private CrashStore Outbox => _outbox!;

    private CrashStore HostStore => _hostStore!;

    public async Task InitializeAsync()
    {
        _outbox = await CreateOutboxAsync();
        _hostStore = await CrashStore.CreateSqliteAsync();
    }

    public async Task DisposeAsync()
    {
        if (_outbox is not null) await _outbox.DisposeAsync();
        if (_hostStore is not null) await _hostStore.DisposeAsync();
    }

    [Fact]
    public async Task Posts_enqueued_while_the_destination_is_down_are_delivered_once_in_order_when_it_starts()
    {
        const int Messages = 1000;
        var prefix = NewPrefix("offline");
        var port = TcpPorts.Free();
        var clock = Stopwatch.StartNew();
        await using var sender = QueuedSender.Start("send", Outbox, port, "--count", $"{Messages}", "--prefix", prefix);
        await sender.WaitForLineAsync(l => l.StartsWith($"committed {Messages} message(s) {prefix}00000..{prefix}00999", StringComparison.Ordinal), QueuedSender.RunTimeout);
        var committed = clock.Elapsed;
        // Nothing can have left: nobody listens on the port.
        Assert.Equal(Messages, Waiting(await Outbox.QueueDepthsAsync()));
        Assert.False(sender.HasExited, sender.Output());

        await using var host = await CrashHost.StartOnPortAsync(HostStore, port);
        var started = clock.Elapsed;
        var exitCode = await sender.WaitForExitAsync(QueuedSender.RunTimeout);
        Assert.True(exitCode == QueuedSender.Ok, sender.Output());
        Assert.Contains($"queue empty: {Messages} acknowledged, 0 dead-lettered", sender.StandardOutput());
        var forwarded = clock.Elapsed;

        await AssertDeliveredInOrderAsync(host, prefix, Messages, sender.Output);
        Assert.Equal(0, Waiting(await Outbox.QueueDepthsAsync()));
        output.WriteLine($"{Outbox.Provider} outbox: {Messages} committed in {committed.TotalSeconds:0.0} s with the destination down; host answering "
            + $"{started.TotalSeconds:0.0} s; sender done {forwarded.TotalSeconds:0.0} s (exit 0); recorded once each, in order, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_sender_killed_mid_stream_forwards_the_rest_after_a_restart_each_delivered_once_in_order()
    {
        const int Messages = 1000;
        const int KillAfter = 150;
        var prefix = NewPrefix("killed");
        await using var host = await CrashHost.StartAsync(HostStore);
        var clock = Stopwatch.StartNew();
        var enqueue = await QueuedSender.RunAsync("enqueue", Outbox, host.Port, "--count", $"{Messages}", "--prefix", prefix);
        Assert.True(enqueue.ExitCode == QueuedSender.Ok, enqueue.Output);
        Assert.Equal(Messages, Waiting(await Outbox.QueueDepthsAsync()));
        var enqueued = clock.Elapsed;

        // The first forwarder: killed (SIGKILL) once the destination acknowledged at least KillAfter, with more to send.
        long waitingAtKill;
        await using (var first = QueuedSender.Start("forward", Outbox, host.Port))
        {
            var reach = Stopwatch.StartNew();
            while (Waiting(await Outbox.QueueDepthsAsync()) > Messages - KillAfter)
            {
                if (first.HasExited || reach.Elapsed > QueuedSender.RunTimeout)
                    Assert.Fail($"{KillAfter} were not acknowledged within {reach.Elapsed}:{Environment.NewLine}{first.Output()}");
                await Task.Delay(10);
            }
            first.Kill();
            waitingAtKill = Waiting(await Outbox.QueueDepthsAsync());
            output.WriteLine(first.Output());
        }
        var recordedAtKill = (await HostStore.RecordedAsync(prefix)).Count;
        Assert.True(waitingAtKill > 0, $"The sender had forwarded all {Messages} before it was killed: not a crash mid-stream.");

        var second = await QueuedSender.RunAsync("forward", Outbox, host.Port);
        Assert.True(second.ExitCode == QueuedSender.Ok, second.Output);
        Assert.Contains($"queue {QueuedSender.QueueName(second.StandardOutput)}: {waitingAtKill} waiting, 0 dead letter(s)", second.StandardOutput);
        Assert.Contains($"queue empty: {waitingAtKill} acknowledged, 0 dead-lettered", second.StandardOutput);

        await AssertDeliveredInOrderAsync(host, prefix, Messages, () => second.Output);
        Assert.Equal(0, Waiting(await Outbox.QueueDepthsAsync()));
        output.WriteLine($"{Outbox.Provider} outbox: {Messages} enqueued in {enqueued.TotalSeconds:0.0} s; killed with {Messages - waitingAtKill} acknowledged, "
            + $"{waitingAtKill} waiting (host had recorded {recordedAtKill}); forward again: {waitingAtKill} acknowledged, exit 0; "
            + $"recorded once each, in order, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Posts_whose_TimeToLive_passed_are_dead_lettered_and_delivered_once_after_wsrm_requeues_them()
    {
        const int Messages = 5;
        var prefix = NewPrefix("expired");
        var port = TcpPorts.Free();
        var clock = Stopwatch.StartNew();
        var send = await QueuedSender.RunAsync("send", Outbox, port, "--count", $"{Messages}", "--prefix", prefix, "--ttl", "00:00:02");
        Assert.True(send.ExitCode == QueuedSender.DeadLettered, send.Output);
        Assert.Contains($"queue empty: 0 acknowledged, {Messages} dead-lettered", send.StandardOutput);
        var expired = clock.Elapsed;
        var queue = QueuedSender.QueueName(send.StandardOutput);

        var deadLetters = await WsRmCli.DeadLettersAsync(Outbox, queue);
        Assert.Equal(Messages, deadLetters.Count);
        Assert.All(deadLetters, d => Assert.Equal(TimeToLiveExpired, d.DeadReason));
        foreach (var deadLetter in deadLetters)
        {
            var requeue = await WsRmCli.RunAsync(Outbox, "deadletter", "requeue", $"{deadLetter.Id}");
            Assert.True(requeue.ExitCode == 0, requeue.Output);
            Assert.Equal([$"Requeued dead letter {deadLetter.Id}; it never expires."], requeue.StandardOutput);
        }
        Assert.Empty(await WsRmCli.DeadLettersAsync(Outbox, queue));
        Assert.Equal(Messages, Waiting(await Outbox.QueueDepthsAsync()));
        var requeued = clock.Elapsed;

        await using var host = await CrashHost.StartOnPortAsync(HostStore, port);
        var forward = await QueuedSender.RunAsync("forward", Outbox, port);
        Assert.True(forward.ExitCode == QueuedSender.Ok, forward.Output);
        Assert.Contains($"queue empty: {Messages} acknowledged, 0 dead-lettered", forward.StandardOutput);

        await AssertDeliveredInOrderAsync(host, prefix, Messages, () => $"{send.Output}{Environment.NewLine}{forward.Output}");
        Assert.Empty(await WsRmCli.DeadLettersAsync(Outbox, queue));
        output.WriteLine($"{Outbox.Provider} outbox: {Messages} sent with --ttl 00:00:02 to a host that was down: all dead-lettered ('{TimeToLiveExpired}'), "
            + $"sender exit 3 after {expired.TotalSeconds:0.0} s; requeued one by one with wsrm by {requeued.TotalSeconds:0.0} s; "
            + $"forwarded and recorded once each, in order, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_sender_stopped_with_SIGTERM_exits_130_and_the_next_forward_delivers_what_it_committed()
    {
        const int Messages = 50;
        var prefix = NewPrefix("stopped");
        var port = TcpPorts.Free();
        await using (var sender = QueuedSender.Start("send", Outbox, port, "--count", $"{Messages}", "--prefix", prefix))
        {
            await sender.WaitForLineAsync(l => l.StartsWith($"committed {Messages} message(s)", StringComparison.Ordinal), QueuedSender.RunTimeout);
            sender.Terminate();
            var exitCode = await sender.WaitForExitAsync(QueuedSender.RunTimeout);
            Assert.True(exitCode == QueuedSender.Cancelled, $"exit code {exitCode}: {sender.Output()}");
            Assert.Contains("queued-sender: cancelled; what was committed stays queued for the next run.", sender.Output(), StringComparison.Ordinal);
        }
        Assert.Equal(Messages, Waiting(await Outbox.QueueDepthsAsync()));

        await using var host = await CrashHost.StartOnPortAsync(HostStore, port);
        var forward = await QueuedSender.RunAsync("forward", Outbox, port);
        Assert.True(forward.ExitCode == QueuedSender.Ok, forward.Output);
        Assert.Contains($"queue empty: {Messages} acknowledged, 0 dead-lettered", forward.StandardOutput);
        await AssertDeliveredInOrderAsync(host, prefix, Messages, () => forward.Output);
    }

    private static string NewPrefix(string what) => $"{what}-{Guid.NewGuid():N}"[..(what.Length + 9)] + "-";

    private static long Waiting(IReadOnlyList<QueueDepth> depths) => depths.Where(d => d.Kind == QueueKind.Transmission).Sum(d => d.Count);

    private static long Target(IReadOnlyList<QueueDepth> depths) => depths.Where(d => d.Kind == QueueKind.Target).Sum(d => d.Count);

    /// <summary>
    /// Waits (bounded polling of the host's store) until the host has processed what it acknowledged, stops it, and
    /// asserts that texts prefix00000..prefix{count-1} are each recorded once, in that order.
    /// </summary>
    private async Task AssertDeliveredInOrderAsync(HostProcess host, string prefix, int count, Func<string> context)
    {
        string Context() => $"{context()}{Environment.NewLine}host output:{Environment.NewLine}{host.RecentOutput()}";
        var drained = Stopwatch.StartNew();
        while (Target(await HostStore.QueueDepthsAsync()) > 0 || (await HostStore.RecordedAsync(prefix)).Values.Sum() < count)
        {
            if (drained.Elapsed > DrainTimeout)
                Assert.Fail($"The host did not process {count} within {DrainTimeout}: {Target(await HostStore.QueueDepthsAsync())} in its queue, "
                    + $"{(await HostStore.RecordedAsync(prefix)).Values.Sum()} recorded. {Context()}");
            await Task.Delay(50);
        }
        await host.StopAsync(TimeSpan.FromSeconds(10));

        var expected = Enumerable.Range(0, count).Select(i => $"{prefix}{i:D5}").ToList();
        ExactlyOnce.Assert(expected, await HostStore.RecordedAsync(prefix), Context);
        var recorded = await HostStore.RecordedInOrderAsync(prefix);
        var firstOut = Enumerable.Range(0, count).FirstOrDefault(i => recorded[i] != expected[i], -1);
        Assert.True(firstOut < 0, $"Recorded out of order from #{firstOut}: {string.Join(", ", recorded.Skip(firstOut).Take(5))}, …");
    }
}
