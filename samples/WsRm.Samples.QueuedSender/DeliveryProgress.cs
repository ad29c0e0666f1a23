namespace WsRm.Samples.QueuedSender;

/// <summary>
/// Prints what the forwarder achieved, from the store's counts, at most once a second and when it changed:
/// acknowledged = waiting at the start + enqueued since - waiting now - dead-lettered since.
/// </summary>
internal sealed class DeliveryProgress(WsRm.Storage.IWsRmStore store, string queue, QueueCounts before)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _enqueued;

    /// <summary>Messages this run has committed so far (set by the caller as it enqueues).</summary>
    public int Enqueued
    {
        get => Volatile.Read(ref _enqueued);
        set => Volatile.Write(ref _enqueued, value);
    }

    public void Start(CancellationToken cancellationToken)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        _loop = Task.Run(async () =>
        {
            using (linked) await PrintAsync(linked.Token).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    /// <summary>Stops printing (nothing when stopped already).</summary>
    public async Task StopPrintingAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Stops printing; returns the final acknowledged and dead-lettered counts, read from the store.</summary>
    public async Task<(long Acknowledged, long Dead)> StopAsync()
    {
        await StopPrintingAsync().ConfigureAwait(false);
        return Compute(await QueueCounts.ReadAsync(store, queue, CancellationToken.None).ConfigureAwait(false));
    }

    private async Task PrintAsync(CancellationToken cancellationToken)
    {
        var last = "";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, TimeProvider.System, cancellationToken).ConfigureAwait(false);
                var (acknowledged, dead) = Compute(await QueueCounts.ReadAsync(store, queue, cancellationToken).ConfigureAwait(false), out var waiting);
                var line = $"acknowledged {acknowledged}, waiting {waiting}, dead-lettered {dead}";
                if (line != last) Console.WriteLine(line);
                last = line;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is WsRm.Storage.StoreUnavailableException or System.Data.Common.DbException)
            {
                // The forwarder meets the same failure and backs off; the next tick tries again.
                Console.Error.WriteLine($"queued-sender: cannot read the queue's counts: {e.Message}");
            }
        }
    }

    private (long Acknowledged, long Dead) Compute(QueueCounts now) => Compute(now, out _);

    private (long Acknowledged, long Dead) Compute(QueueCounts now, out long waiting)
    {
        waiting = now.Waiting;
        var dead = Math.Max(0, now.Dead - before.Dead);
        // A message committed after Enqueued was read is counted as waiting, not yet as enqueued: never below 0.
        return (Math.Max(0, before.Waiting + Enqueued - now.Waiting - dead), dead);
    }
}
