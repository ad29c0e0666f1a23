using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using WsRm.Storage.PostgreSql;
using WsRm.Storage.Sqlite;
using WsRm.Testing.PostgreSql;

namespace WsRm.Storage.Bench;

/// <summary>Writers committing small batches as fast as their commits return, round by round; the store's meter counts the commits.</summary>
internal static class GroupCommitLoad
{
    private static readonly byte[] Envelope = Encoding.UTF8.GetBytes($"<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>{new string('x', 500)}</s:Body></s:Envelope>");

    public static async Task<int> RunAsync(GroupCommitArgs args)
    {
        PostgreSqlCluster? cluster = null;
        var connection = args.Connection;
        var file = Path.Combine(Path.GetTempPath(), $"wsrm-bench-{Guid.NewGuid():N}.db");
        try
        {
            if (args.Provider == "postgres" && connection is null)
            {
                cluster = await PostgreSqlCluster.StartAsync();
                await ExecuteAsync(cluster.ConnectionString("postgres"), "CREATE DATABASE wsrm_bench");
                connection = cluster.ConnectionString("wsrm_bench");
                Console.WriteLine($"PostgreSQL: a throwaway cluster on 127.0.0.1:{cluster.Port}");
            }
            Console.WriteLine($"{args.Provider}: {Environment.ProcessorCount} cores, {args.Seconds} s per round after {args.Warmup} s warm-up, at most {args.MaxGroup} batches per commit, " +
                $"last activity {(args.RefreshActivity ? "changed in every batch" : "kept")}");
            Console.WriteLine("writers  batches/s  commits/s  batches/commit  client CPU/batch");
            foreach (var writers in args.Writers)
            {
                await using var store = args.Provider == "postgres"
                    ? (IWsRmStore)new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = connection!, MaxBatchesPerCommit = args.MaxGroup })
                    : new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = $"Data Source={file}", MaxBatchesPerCommit = args.MaxGroup });
                await store.InitializeAsync();
                await RoundAsync(store, writers, args);
            }
            return 0;
        }
        finally
        {
            if (cluster is not null) await cluster.DisposeAsync();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    private static async Task RoundAsync(IWsRmStore store, int writers, GroupCommitArgs args)
    {
        long commits = 0, batches = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Name == StoreMetrics.MeterName) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) =>
        {
            if (i.Name == "wsrm.store.commits") Interlocked.Add(ref commits, v);
            if (i.Name == "wsrm.store.batches") Interlocked.Add(ref batches, v);
        });
        listener.Start();

        using var stop = new CancellationTokenSource();
        var round = Guid.NewGuid().ToString("N")[..8];
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(store, $"urn:bench:{round}:{w}", args.RefreshActivity, stop.Token))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(args.Warmup));
        var (commits0, batches0, cpu0) = (Interlocked.Read(ref commits), Interlocked.Read(ref batches), Process.GetCurrentProcess().TotalProcessorTime);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(args.Seconds));
        var (commits1, batches1, cpu1, elapsed) = (Interlocked.Read(ref commits), Interlocked.Read(ref batches), Process.GetCurrentProcess().TotalProcessorTime, clock.Elapsed);
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var written = batches1 - batches0;
        var flushed = Math.Max(1, commits1 - commits0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{writers,7}  {written / elapsed.TotalSeconds,9:0}  {flushed / elapsed.TotalSeconds,9:0}  {(double)written / flushed,14:0.0}  {(cpu1 - cpu0).TotalMicroseconds / Math.Max(1, written),13:0} µs"));
    }

    // One writer: a sequence of its own, then a version-checked update of it and a new message per batch.
    private static async Task WriteAsync(IWsRmStore store, string id, bool refreshActivity, CancellationToken stop)
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        var sequence = new StoredSequence
        {
            Id = id, Endpoint = "/bench", RmNamespace = "http://docs.oasis-open.org/ws-rx/wsrm/200702",
            SoapNamespace = "http://www.w3.org/2003/05/soap-envelope", ClientKey = "127.0.0.1", Ordered = true, Created = now, LastActivity = now,
        };
        Check(await store.CommitAsync(StoreBatch.Of(new SaveSequence(sequence))));
        sequence = await store.FindSequenceAsync(id) ?? throw new InvalidOperationException($"{id} was not stored.");
        for (ulong n = 1; !stop.IsCancellationRequested; n++)
        {
            var message = new StoredMessage { SequenceId = id, Number = n, Endpoint = "/bench", Action = "urn:bench/Post", Envelope = Envelope, Received = now };
            sequence = sequence with { Received = $"1-{n}", LastActivity = refreshActivity ? now.AddTicks((long)n * 10) : sequence.LastActivity };
            Check(await store.CommitAsync(StoreBatch.Of(new SaveSequence(sequence), new AddMessage(message))));
            sequence = sequence with { Version = sequence.Version + 1 };
        }
    }

    private static void Check(CommitResult result)
    {
        if (result != CommitResult.Committed) throw new InvalidOperationException($"A batch of the benchmark was a {result}: each writer has its own sequence.");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
