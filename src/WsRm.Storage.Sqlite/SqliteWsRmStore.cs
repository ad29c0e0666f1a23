using Microsoft.Data.Sqlite;
using WsRm.Storage.Committing;

namespace WsRm.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in write-ahead-log mode with full synchronous commits. One writer connection
/// takes the group commits and every other write in turn (SQLite has one writer at a time anyway); reads run on
/// connections of their own beside it and see the last commit.
/// </summary>
public sealed partial class SqliteWsRmStore : IWsRmStore, IGroupWriter
{
    private readonly string _connectionString;
    private readonly string _database;
    private readonly bool _migrate;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly GroupCommitter _committer;
    private SqliteConnection? _writer;
    private SqliteCommands? _commands;

    /// <summary>Creates the store; call <see cref="InitializeAsync"/> before use.</summary>
    public SqliteWsRmStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // No pooling: the store owns its connections. Microsoft.Data.Sqlite's pool can reclaim a connection it takes for
        // leaked (SqliteConnection.ClearAllPools, which tests call, or an open that finds the pool empty); a stress
        // program of readers beside ClearAllPools got ObjectDisposedException on 10.0.0 (none seen on 10.0.15), and full
        // test runs saw the writer's close fail with "Collection was modified". The writer stays open for the store's
        // lifetime anyway, and reads are few (loading a sequence, the admin view).
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false };
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        _connectionString = builder.ConnectionString;
        _database = string.IsNullOrEmpty(builder.DataSource) ? "(memory)" : Path.GetFullPath(builder.DataSource);
        _migrate = options.MigrateSchema;
        _committer = new GroupCommitter(this, options.MaxBatchesPerCommit);
        Admin = new SqliteStoreAdmin(this);
    }

    /// <inheritdoc />
    public string Provider => "Sqlite";

    /// <inheritdoc />
    public IWsRmStoreAdmin Admin { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrate)
            {
                var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
                await SqliteSchema.EnsureAsync(writer, _database, migrate: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Only checked, read-only and before the writer opens: its set-up (write-ahead logging) would already
                // change a file that has no WsRm schema.
                var readOnly = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString;
                await using var check = new SqliteConnection(readOnly);
                await check.OpenAsync(cancellationToken).ConfigureAwait(false);
                await SqliteSchema.EnsureAsync(check, _database, migrate: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SqliteException e)
        {
            DropWriter();
            throw new StoreUnavailableException($"The SQLite store {_database} cannot be opened: {e.Message}", e);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _committer.CommitAsync(batch);
    }

    /// <inheritdoc />
    public async Task<StoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
            var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new SqliteStoreTransaction(this, writer, transaction);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    async Task<int> IGroupWriter.WriteAsync(IReadOnlyList<StoreBatch> batches, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batches.Count; i++)
            {
                if (!await ApplyAsync(batches[i], transaction, cancellationToken).ConfigureAwait(false))
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    return i;
                }
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return -1;
        }
        catch (SqliteException e)
        {
            DropWriter();
            throw new StoreUnavailableException($"The SQLite store {_database} failed to commit: {e.Message}", e);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Applies a batch in <paramref name="transaction"/>; false when it conflicts.</summary>
    internal async Task<bool> ApplyAsync(StoreBatch batch, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var operation in batch.Operations)
            if (!await SqliteOperations.ApplyAsync(operation, _commands!, transaction, cancellationToken).ConfigureAwait(false)) return false;
        return true;
    }

    /// <summary>Runs <paramref name="work"/> alone on the writer in a transaction of its own, and commits.</summary>
    internal async Task<T> WriteAloneAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = await WriterAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(writer, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            StoreMetrics.Committed(Provider, 1);
            return result;
        }
        catch (SqliteException e)
        {
            DropWriter();
            throw new StoreUnavailableException($"The SQLite store {_database} failed to write: {e.Message}", e);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Ends a <see cref="SqliteStoreTransaction"/>: the writer is free again.</summary>
    internal void ReleaseWriter(bool broken)
    {
        if (broken) DropWriter();
        _writeGate.Release();
    }

    /// <summary>A connection for reads, open; the caller disposes it.</summary>
    internal async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException($"The SQLite store {_database} cannot be read: {e.Message}", e);
        }
    }

    // Under the write gate: the writer connection, opened (and set up) on first use or after a failure.
    private async Task<SqliteConnection> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null) return _writer;
        var writer = new SqliteConnection(_connectionString);
        await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var setup = writer.CreateCommand())
        {
            // WAL: readers never block the writer; FULL: a commit is on disk before it returns (durability).
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        _writer = writer;
        _commands = new SqliteCommands(writer);
        return writer;
    }

    private void DropWriter()
    {
        _commands?.Dispose();
        _commands = null;
        _writer?.Dispose();
        _writer = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync().ConfigureAwait(false);
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            DropWriter();
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
