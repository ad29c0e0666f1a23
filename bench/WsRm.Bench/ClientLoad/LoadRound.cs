using System.Diagnostics;
using System.Runtime.CompilerServices;
using WsRm.Testing;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// One round of one client on one <see cref="LoadShape"/>: open the sessions and warm each with one call per caller
/// (not measured), then every caller of every session calls in a loop, taking messages from one shared budget, until
/// the budget is spent; then close. Measured over the calling phase only: completed calls per second, bytes allocated
/// in this process, CPU of this process and of the server.
/// </summary>
internal static class LoadRound
{
    public static async Task<RoundResult> RunAsync(ILoadClient client, HostProcess host, LoadShape shape, int messages)
    {
        var failures = new FailureLog();
        var sessions = await Task.WhenAll(Enumerable.Range(0, shape.Sessions).Select(_ => client.OpenAsync()));
        var budget = shape.Sessions * shape.Callers;
        await RunCallersAsync(sessions, shape, () => Interlocked.Decrement(ref budget) >= 0, failures, new StrongBox<long>());

        var issued = 0L;
        var completed = new StrongBox<long>();
        var http = client.Http.Snapshot();
        var retransmissions = client.Retransmissions;
        var serverCpu = host.CpuTime;
        var clientCpu = Environment.CpuUsage.TotalTime;
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await RunCallersAsync(sessions, shape, () => Interlocked.Increment(ref issued) <= messages, failures, completed);
        clock.Stop();
        var gen0 = GC.CollectionCount(0) - collections;
        var result = new RoundResult(
            completed.Value,
            failures,
            clock.Elapsed,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            Environment.CpuUsage.TotalTime - clientCpu,
            host.CpuTime - serverCpu,
            client.Http.Snapshot() - http,
            client.Retransmissions - retransmissions,
            await CloseAllAsync(sessions),
            gen0);
        return result;
    }

    private static Task RunCallersAsync(ILoadSession[] sessions, LoadShape shape, Func<bool> next, FailureLog failures, StrongBox<long> completed) =>
        Task.WhenAll(sessions.SelectMany(s => Enumerable.Range(0, shape.Callers).Select(_ => Task.Run(async () =>
        {
            while (next())
            {
                try
                {
                    await (shape.Workload == Workload.OneWay ? s.PostAsync() : s.EchoAsync()).ConfigureAwait(false);
                    Interlocked.Increment(ref completed.Value);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add(e);
                    if (s.IsFaulted) return;
                }
            }
        }))));

    private static async Task<int> CloseAllAsync(ILoadSession[] sessions)
    {
        var failed = 0;
        await Task.WhenAll(sessions.Select(async s =>
        {
            try
            {
                await s.CloseAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Interlocked.Increment(ref failed);
                Console.WriteLine($"  close failed: {e.GetType().Name}: {e.Message}");
                s.Abort();
            }
        }));
        return failed;
    }
}
