using System.Text;
using Microsoft.Data.Sqlite;
using WsRm.Storage.PostgreSql;
using WsRm.Storage.Sqlite;
using WsRm.Testing.PostgreSql;

namespace WsRm.Cli.Tests;

/// <summary>
/// A real store (SQLite in a temporary file, or a PostgreSQL database of its own), filled through the public <see cref="IWsRmStore"/> API as a server and a
/// queued client would leave it: poison messages (accepted, then marked parked, rejected or faulted) and dead letters
/// (enqueued with a TimeToLive, then expired).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public const string Rm11 = "http://docs.oasis-open.org/ws-rx/wsrm/200702";

    private readonly PostgreSqlServer? _server;

    private TestStore(string provider, string connectionString, PostgreSqlServer? server = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _server = server;
    }

    /// <summary>The provider name <c>wsrm</c> takes: sqlite or postgresql.</summary>
    public string Provider { get; }

    /// <summary>A connection string for the database.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite database file (SQLite stores only).</summary>
    public string File => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>A new SQLite store with its schema and nothing in it.</summary>
    public static async Task<TestStore> CreateAsync()
    {
        var store = new TestStore("sqlite", $"Data Source={Path.Combine(Path.GetTempPath(), $"wsrm-cli-{Guid.NewGuid():N}.db")}");
        await using var opened = await store.OpenAsync();
        return store;
    }

    /// <summary>A new PostgreSQL store on a database of its own on <paramref name="server"/>, with its schema and nothing in it.</summary>
    public static async Task<TestStore> CreatePostgreSqlAsync(PostgreSqlServer server)
    {
        var store = new TestStore("postgresql", await server.CreateDatabaseAsync(), server);
        await using var opened = await store.OpenAsync();
        return store;
    }

    /// <summary>The store, initialized; the caller disposes it.</summary>
    public async Task<IWsRmStore> OpenAsync()
    {
        IWsRmStore store = _server is null
            ? new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = ConnectionString })
            // The caller's clock, so that what the tests write is stamped T0 as on SQLite; wsrm itself uses the database's.
            : new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = ConnectionString, Clock = PostgreSqlClock.Application });
        await store.InitializeAsync().WaitAsync(Timeout);
        return store;
    }

    public static TimeSpan Timeout => TimeSpan.FromSeconds(60);

    /// <summary>
    /// Accepts messages 1..n on sequence <paramref name="sequenceId"/> of <paramref name="endpoint"/> (message n received at
    /// T0 + <paramref name="firstSecond"/> + n - 1 seconds) and gives message n the state <paramref name="states"/>[n-1]
    /// with attempts, cycles and a last error as a queued endpoint's poison handling leaves them.
    /// </summary>
    public Task AddMessagesAsync(string endpoint, string sequenceId, int firstSecond, params MessageState[] states) =>
        AddMessagesAsync(endpoint, sequenceId, firstSecond, states, n => Envelope(sequenceId, n, $"order {n}"));

    /// <summary>As above, with the envelopes <paramref name="envelope"/> makes for each number.</summary>
    public async Task AddMessagesAsync(string endpoint, string sequenceId, int firstSecond, MessageState[] states, Func<ulong, byte[]> envelope)
    {
        await using var store = await OpenAsync();
        var batch = StoreBatch.Of(new SaveSequence(new StoredSequence
        {
            Id = sequenceId, Endpoint = endpoint, RmNamespace = Rm11, SoapNamespace = "http://www.w3.org/2003/05/soap-envelope",
            AddressingNamespace = "http://www.w3.org/2005/08/addressing", ClientKey = "127.0.0.1", Ordered = false, Created = T0, LastActivity = T0,
        }));
        for (var n = 1UL; n <= (ulong)states.Length; n++)
        {
            batch.Add(new AddMessage(new StoredMessage
            {
                SequenceId = sequenceId, Number = n, Endpoint = endpoint, Action = "urn:wsrm:samples/IOrders/Post",
                Envelope = envelope(n), Received = T0.AddSeconds(firstSecond + (int)n - 1),
            }));
        }
        Assert.Equal(CommitResult.Committed, await store.CommitAsync(batch).WaitAsync(Timeout));
        var update = new StoreBatch();
        foreach (var message in await store.ReadMessagesAsync(sequenceId).WaitAsync(Timeout))
        {
            var state = states[message.Number - 1];
            if (state == MessageState.Ready) continue;
            update.Add(new UpdateMessage(message with { State = state, Attempts = 3, Cycles = 2, LastError = $"InvalidOperationException: order {message.Number} refused" }));
        }
        if (!update.IsEmpty) Assert.Equal(CommitResult.Committed, await store.CommitAsync(update).WaitAsync(Timeout));
    }

    /// <summary>
    /// Enqueues <paramref name="dead"/> messages expiring at T0 and <paramref name="pending"/> that never expire on
    /// <paramref name="queue"/>, then expires the queue at T0 + 1 s: the ids of the dead letters, then of the pending ones.
    /// </summary>
    public async Task<(long[] Dead, long[] Pending)> AddOutboxAsync(string queue, int dead, int pending = 0)
    {
        await using var store = await OpenAsync();
        var batch = new StoreBatch();
        for (var i = 0; i < dead + pending; i++)
            batch.Add(new Enqueue(new OutboxMessage
            {
                Queue = queue, Action = "urn:wsrm:samples/IOrders/Post", Body = Encoding.UTF8.GetBytes($"<Post xmlns=\"urn:wsrm:samples\"><text>{queue} {i}</text></Post>"),
                Enqueued = T0, ExpiresAt = i < dead ? T0 : null,
            }));
        Assert.Equal(CommitResult.Committed, await store.CommitAsync(batch).WaitAsync(Timeout));
        var expired = await store.ExpireOutboxAsync(queue, T0.AddSeconds(1)).WaitAsync(Timeout);
        var all = await store.ReadOutboxAsync(queue, 1000).WaitAsync(Timeout);
        return (expired.Select(m => m.Id).ToArray(), all.Select(m => m.Id).ToArray());
    }

    /// <summary>A SOAP 1.2 envelope as WCF sends a one-way call on a WS-RM 1.1 sequence, on one line.</summary>
    public static byte[] Envelope(string sequenceId, ulong number, string text) => Encoding.UTF8.GetBytes(
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">" +
        $"<s:Header><r:Sequence s:mustUnderstand=\"1\" xmlns:r=\"{Rm11}\"><r:Identifier>{sequenceId}</r:Identifier><r:MessageNumber>{number}</r:MessageNumber></r:Sequence>" +
        "<a:Action s:mustUnderstand=\"1\">urn:wsrm:samples/IOrders/Post</a:Action>" +
        $"<a:MessageID>urn:uuid:00000000-0000-0000-0000-{number:D12}</a:MessageID>" +
        "<a:To s:mustUnderstand=\"1\">http://127.0.0.1:5080/orders</a:To></s:Header>" +
        $"<s:Body><Post xmlns=\"urn:wsrm:samples\"><text>{text}</text></Post></s:Body></s:Envelope>");

    /// <summary>Sets the schema version recorded in the database (to pose as a newer WsRm's database).</summary>
    public async Task SetSchemaVersionAsync(int version)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync().WaitAsync(Timeout);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE wsrm_schema SET version = {version}";
        await command.ExecuteNonQueryAsync().WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(ConnectionString);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (System.IO.File.Exists(File + suffix)) System.IO.File.Delete(File + suffix);
    }
}
