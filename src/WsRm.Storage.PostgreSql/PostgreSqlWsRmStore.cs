using Npgsql;
using WsRm.Storage.Committing;

namespace WsRm.Storage.PostgreSql;

/// <summary>
/// The store shared by the servers of a farm: one PostgreSQL database, no authority in any process. Every update is
/// checked against the version it was read at and every insert of an existing key is a conflict, the outbox's ids come
/// from the database, and claims skip rows other servers hold (<c>FOR UPDATE SKIP LOCKED</c>). Group commits go out as
/// one batch, in one round trip and one transaction, on a writer connection held for them; reads, claims and service
/// transactions use pooled connections beside it.
/// </summary>
/// <remarks>
/// A call fails with <see cref="StoreUnavailableException"/> while the server cannot be reached, within Npgsql's
/// connect and command timeouts. A lost connection empties the pool, so the next call connects afresh; a call that
/// finds a pooled connection the server closed meanwhile (a restart) runs again once on a new one when nothing of it
/// can have been committed. When a connection breaks after a commit was sent and before it was answered, the outcome
/// is unknown: the call fails, and the batch may or may not have been written.
/// </remarks>
public sealed partial class PostgreSqlWsRmStore : IWsRmStore, IGroupWriter
{
    private const int DeadlockAttempts = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _database;
    private readonly bool _migrate;
    private readonly PostgreSqlClock _clock;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly GroupCommitter _committer;
    private NpgsqlConnection? _writer;

    /// <summary>"host:port/database", for messages.</summary>
    internal string Database => _database;

    /// <summary>Creates the store; call <see cref="InitializeAsync"/> before use.</summary>
    /// <exception cref="ArgumentException">The connection string is missing or <see cref="PostgreSqlStoreOptions.MaxBatchesPerCommit"/> is below 1.</exception>
    public PostgreSqlWsRmStore(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchesPerCommit, 1, nameof(options));
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.IncludeFailedBatchedCommand = true; // a conflict names its statement, hence its batch
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 64;
        settings.ApplicationName ??= "WsRm";
        _database = $"{settings.Host}:{settings.Port}/{settings.Database}";
        _migrate = options.MigrateSchema;
        _clock = options.Clock;
        _dataSource = builder.Build();
        _committer = new GroupCommitter(this, options.MaxBatchesPerCommit);
        Admin = new PostgreSqlStoreAdmin(this);
    }

    /// <inheritdoc />
    public string Provider => "PostgreSql";

    /// <inheritdoc />
    public IWsRmStoreAdmin Admin { get; }

    internal PostgreSqlClock Clock => _clock;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw Failed(e, null, "cannot be reached");
        }
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await PostgreSqlSchema.EnsureAsync(connection, _database, _migrate, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e) when (PostgreSqlErrors.ConnectionLost(e, connection))
            {
                throw Failed(e, connection, "was lost while creating its schema");
            }
            catch (PostgresException e)
            {
                throw new StoreSchemaException($"The WsRm schema in {_database} could not be created or migrated: {e.Message}", e);
            }
        }
    }

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _committer.CommitAsync(batch);
    }

    /// <inheritdoc />
    public Task<StoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        RunAsync<StoreTransaction>(async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // One round trip now, carrying the BEGIN: a pooled connection the server closed is found here, where it
            // can be replaced, rather than in the service's first command.
            await using (var ping = new NpgsqlCommand("SELECT 1", connection, transaction))
                await ping.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgreSqlStoreTransaction(this, connection, transaction);
        }, idempotent: true, "cannot begin a transaction", cancellationToken, keepConnection: true);

    async Task<int> IGroupWriter.WriteAsync(IReadOnlyList<StoreBatch> batches, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
                    return await WriteGroupAsync(writer, batches, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e) when (PostgreSqlErrors.IsRetryable(e) && attempt < DeadlockAttempts)
                {
                }
                catch (NpgsqlException e) when (PostgreSqlErrors.ConnectionLost(e, _writer))
                {
                    // Drop the broken writer and every pooled connection: the server has gone or restarted.
                    DropWriter();
                    _dataSource.Clear();
                    if (!(PostgreSqlErrors.SessionEnded(e) && attempt == 1)) throw PostgreSqlErrors.Unavailable(_database, "failed to commit", e);
                }
                catch (NpgsqlException e)
                {
                    throw PostgreSqlErrors.Unavailable(_database, "failed to commit", e);
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // The group as one batch: its statements in order, then the implicit transaction commits. A conflict rolls all of
    // it back and names the statement, whose batch is left out by the committer.
    private async Task<int> WriteGroupAsync(NpgsqlConnection writer, IReadOnlyList<StoreBatch> batches, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(writer);
        var owners = new List<int>(batches.Count * 2);
        for (var i = 0; i < batches.Count; i++)
        {
            foreach (var operation in batches[i].Operations) PostgreSqlOperations.Append(batch, operation, _clock);
            while (owners.Count < batch.BatchCommands.Count) owners.Add(i);
        }
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return -1;
        }
        catch (PostgresException e) when (PostgreSqlErrors.IsConflict(e) && e.BatchCommand is { } failed)
        {
            return owners[batch.BatchCommands.IndexOf(failed)];
        }
    }

    // Under the write gate: the writer connection, opened on first use or after it broke.
    private async Task<NpgsqlConnection> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is { State: not System.Data.ConnectionState.Open }) DropWriter();
        return _writer ??= await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private void DropWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync().ConfigureAwait(false);
        await _writeGate.WaitAsync().ConfigureAwait(false);
        DropWriter();
        _writeGate.Release();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
