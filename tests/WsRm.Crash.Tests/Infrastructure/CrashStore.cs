using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using WsRm.Storage;
using WsRm.Storage.PostgreSql;
using WsRm.Storage.Sqlite;
using WsRm.Testing.PostgreSql;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// The store one crash test gives the host (SQLite in a temporary file, or a PostgreSQL database of its own), and what
/// the test reads from it once the host has stopped: the recorded texts (table <c>samples_posted_texts</c>, written by
/// the sample services) and what is left of sequences and queues. Reads go through the store's own API and transaction.
/// </summary>
public sealed class CrashStore : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Func<Task> _drop;

    private CrashStore(string provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    /// <summary>The host's <c>WsRm:Storage:Provider</c>: Sqlite or PostgreSql.</summary>
    public string Provider { get; }

    /// <summary>The host's <c>WsRm:Storage:ConnectionString</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The host's command-line arguments that select this store.</summary>
    public string[] HostArgs => ["--WsRm:Storage:Provider", Provider, "--WsRm:Storage:ConnectionString", ConnectionString];

    /// <summary>A new SQLite file under the temporary directory (created by the host).</summary>
    public static Task<CrashStore> CreateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wsrm-crash-{Guid.NewGuid():N}.db");
        return Task.FromResult(new CrashStore("Sqlite", $"Data Source={file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(file + suffix)) File.Delete(file + suffix);
            return Task.CompletedTask;
        }));
    }

    /// <summary>A new database of its own on <paramref name="server"/>, dropped on disposal.</summary>
    public static async Task<CrashStore> CreatePostgreSqlAsync(PostgreSqlServer server)
    {
        var connectionString = await server.CreateDatabaseAsync().WaitAsync(Timeout);
        return new CrashStore("PostgreSql", connectionString, () => server.DropDatabaseAsync(connectionString));
    }

    /// <summary>A database of <paramref name="cluster"/> named <paramref name="database"/> (created by the caller), left to the cluster.</summary>
    public static CrashStore OnCluster(PostgreSqlCluster cluster, string database) =>
        new("PostgreSql", cluster.ConnectionString(database), () => Task.CompletedTask);

    /// <summary>The store, initialized; the caller disposes it.</summary>
    public async Task<IWsRmStore> OpenAsync()
    {
        IWsRmStore store = Provider == "Sqlite"
            ? new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = ConnectionString })
            : new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = ConnectionString });
        await store.InitializeAsync().WaitAsync(Timeout);
        return store;
    }

    /// <summary>How many times each text starting with <paramref name="prefix"/> is in <c>samples_posted_texts</c>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RecordedAsync(string prefix)
    {
        await using var store = await OpenAsync();
        await using var transaction = await store.BeginTransactionAsync().WaitAsync(Timeout);
        await using var command = transaction.Connection.CreateCommand();
        command.Transaction = transaction.Transaction;
        // Every text, filtered here: no LIKE patterns to escape, and the table is small (a database per test).
        command.CommandText = "SELECT text FROM samples_posted_texts";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync().WaitAsync(Timeout);
        }
        catch (DbException e) when (e is SqliteException { SqliteErrorCode: 1 } && e.Message.Contains("no such table", StringComparison.Ordinal)
                                      || e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable })
        {
            return counts; // nothing recorded yet: the host creates the table with the first text
        }
        await using var read = reader;
        while (await reader.ReadAsync().WaitAsync(Timeout))
        {
            var text = reader.GetString(0);
            if (text.StartsWith(prefix, StringComparison.Ordinal)) counts[text] = counts.GetValueOrDefault(text) + 1;
        }
        return counts;
    }

    /// <summary>The texts starting with <paramref name="prefix"/> in the order they were recorded (<c>samples_posted_texts.id</c>).</summary>
    public async Task<IReadOnlyList<string>> RecordedInOrderAsync(string prefix)
    {
        await using var store = await OpenAsync();
        await using var transaction = await store.BeginTransactionAsync().WaitAsync(Timeout);
        await using var command = transaction.Connection.CreateCommand();
        command.Transaction = transaction.Transaction;
        command.CommandText = "SELECT text FROM samples_posted_texts ORDER BY id";
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync().WaitAsync(Timeout);
        while (await reader.ReadAsync().WaitAsync(Timeout))
        {
            var text = reader.GetString(0);
            if (text.StartsWith(prefix, StringComparison.Ordinal)) texts.Add(text);
        }
        return texts;
    }

    /// <summary>Sequences still stored (0 once every session was closed and terminated).</summary>
    public async Task<int> CountSequencesAsync()
    {
        await using var store = await OpenAsync();
        return await store.CountSequencesAsync().WaitAsync(Timeout);
    }

    /// <summary>The depth of every queue the store has.</summary>
    public async Task<IReadOnlyList<QueueDepth>> QueueDepthsAsync()
    {
        await using var store = await OpenAsync();
        return await store.Admin.GetQueueDepthsAsync().WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync() => await _drop().WaitAsync(Timeout);
}
