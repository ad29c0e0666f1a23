using System.Diagnostics;
using System.Globalization;
using WsRm.Bench.ClientLoad;
using WsRm.Testing.PostgreSql;

namespace WsRm.Bench.DurableLoad;

/// <summary>
/// <c>durable</c>: one-way messages per second end to end with our client over 1 and 16 sessions (8 callers each), on
/// a reliable endpoint in memory, on durable sessions in SQLite and (with <c>--postgres</c> or WSRM_BENCH_POSTGRES: a
/// connection string, or <c>throwaway</c> for a cluster of its own started like the tests') in PostgreSQL, and the real WCF client on durable SQLite and in memory (WSRM_BENCH_WIRE=path: a line per HTTP exchange in path.pid, full stack traces, and the WCF client's TransmissionStrategy every 5 s); client and server in this process on the same 2 cores. The
/// configurations take turns round by round after unreported warm-up rounds (--warmup, 1 by default, of the same size); the medians are reported, with the
/// store's commits (one flush each) per message, which shows group commit at work.
/// </summary>
internal static class DurableLoadCommand
{
    public static async Task<int> RunAsync(DurableArgs args)
    {
        await using var cluster = args.PostgreSql == "throwaway" ? await PostgreSqlCluster.StartAsync() : null;
        var connectionString = cluster is null ? args.PostgreSql : cluster.ConnectionString("postgres");
        await using var sqlite = await BenchServer.StartAsync(null);
        await using var postgres = connectionString is { } cs ? await BenchServer.StartAsync(cs) : null;
        var timeout = TimeSpan.FromSeconds(60);
        var configs = new List<DurableConfig>
        {
            new("in-memory", new WsRmLoadClient(new Uri(sqlite.BaseUrl, "mem"), 8, timeout), false),
            new("durable SQLite", new WsRmLoadClient(new Uri(sqlite.BaseUrl, "durable"), 8, timeout), true),
        };
        if (postgres is not null) configs.Add(new("durable PostgreSQL", new WsRmLoadClient(new Uri(postgres.BaseUrl, "durable"), 8, timeout), true));
        if (args.Wcf) configs.Add(new("WCF, durable SQLite", new WcfLoadClient(new Uri(sqlite.BaseUrl, "durable"), timeout), true));
        if (args.Wcf) configs.Add(new("WCF, in-memory", new WcfLoadClient(new Uri(sqlite.BaseUrl, "mem"), timeout), false));
        // --only: the configurations whose name contains it, to profile one.
        if (args.Only is { } only) configs.RemoveAll(c => !c.Name.Contains(only, StringComparison.OrdinalIgnoreCase));
        using var commits = new StoreCommits();
        Console.WriteLine($"durable load: one-way Post, {args.Messages} messages per round, {args.Rounds} rounds, {args.Callers} callers per session; client and server in one process");
        try
        {
            foreach (var sessions in args.Sessions)
            {
                var shape = new LoadShape(Workload.OneWay, sessions, args.Callers);
                var rates = configs.ToDictionary(c => c.Name, _ => new List<double>());
                var perMessage = configs.ToDictionary(c => c.Name, _ => new List<double>());
                var cpu = configs.ToDictionary(c => c.Name, _ => new List<double>());
                // Full unreported rounds first: the JIT's tiers and PGO settle over tens of thousands of calls, and a
                // shorter warm-up left the first reported rounds of each configuration half as fast as the last.
                for (var warm = 0; warm < args.Warmup; warm++)
                    foreach (var config in configs) await RoundAsync(config, shape, args.Messages, commits);
                for (var round = 0; round < args.Rounds; round++)
                {
                    foreach (var config in round % 2 == 0 ? configs : Enumerable.Reverse(configs))
                    {
                        var (rate, commitsPerMessage, cpuPerMessage) = await RoundAsync(config, shape, args.Messages, commits);
                        Console.WriteLine($"  round {round + 1}: {config.Name} {rate:F0} msgs/s, {cpuPerMessage:F0} µs CPU/msg");
                        rates[config.Name].Add(rate);
                        perMessage[config.Name].Add(commitsPerMessage);
                        cpu[config.Name].Add(cpuPerMessage);
                    }
                }
                Report(shape, configs, rates, perMessage, cpu);
            }
            return 0;
        }
        finally
        {
            foreach (var config in configs) config.Client.Dispose();
        }
    }

    private static async Task<(double Rate, double CommitsPerMessage, double CpuMicrosecondsPerMessage)> RoundAsync(DurableConfig config, LoadShape shape, int messages, StoreCommits commits)
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, shape.Sessions).Select(_ => config.Client.OpenAsync()));
        var issued = 0L;
        var completed = 0L;
        var failed = 0L;
        var before = commits.Snapshot();
        var requestsBefore = config.Client.Http.Snapshot().Requests;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var watchdog = Environment.GetEnvironmentVariable("WSRM_BENCH_WIRE") is { Length: > 0 } ? new Timer(_ =>
        {
            foreach (var s in sessions)
                if (s is WcfLoadSession wcf) Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss.fff} completed {Interlocked.Read(ref completed)}: {WcfStateDump.Describe(wcf.Channel)}");
        }, null, 5000, 5000) : null;
        await Task.WhenAll(sessions.SelectMany(s => Enumerable.Range(0, shape.Callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref issued) <= messages)
            {
                try
                {
                    await s.PostAsync().ConfigureAwait(false);
                    Interlocked.Increment(ref completed);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref failed) <= 3) Console.WriteLine($"  {config.Name}: {(Environment.GetEnvironmentVariable("WSRM_BENCH_WIRE") is { Length: > 0 } ? e.ToString() : $"{e.GetType().Name}: {e.Message}")}");
                    if (s.IsFaulted) return;
                }
            }
        }))));
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var after = commits.Snapshot();
        var requests = config.Client.Http.Snapshot().Requests - requestsBefore;
        Console.WriteLine($"  {config.Name}: {(completed == 0 ? double.NaN : requests / (double)completed):F2} HTTP requests/msg");
        await Task.WhenAll(sessions.Select(async s =>
        {
            try
            {
                await s.CloseAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                s.Abort();
            }
        }));
        return (completed / clock.Elapsed.TotalSeconds, completed == 0 ? double.NaN : (after.Commits - before.Commits) / (double)completed,
            completed == 0 ? double.NaN : cpuUsed.TotalMicroseconds / completed);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Report(LoadShape shape, List<DurableConfig> configs, Dictionary<string, List<double>> rates, Dictionary<string, List<double>> perMessage,
        Dictionary<string, List<double>> cpu)
    {
        var memory = rates.TryGetValue("in-memory", out var inMemory) ? Median(inMemory) : double.NaN;
        Console.WriteLine($"{shape}:");
        foreach (var config in configs)
        {
            var rate = Median(rates[config.Name]);
            var commits = config.CountsCommits ? $", {Median(perMessage[config.Name]).ToString("F3", CultureInfo.InvariantCulture)} commits/message" : "";
            Console.WriteLine($"  {config.Name,-22} median {rate,8:F0} msgs/s ({rate / memory:P0} of in-memory), {Median(cpu[config.Name]):F0} µs CPU/msg (client + server){commits}; rounds {string.Join(" ", rates[config.Name].Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}");
        }
    }
}
