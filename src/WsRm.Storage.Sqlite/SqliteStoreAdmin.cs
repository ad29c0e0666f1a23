using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

/// <summary>The operator's view of a SQLite store.</summary>
internal sealed class SqliteStoreAdmin(SqliteWsRmStore store) : IWsRmStoreAdmin
{
    private const string Poison = "state IN (2, 3, 4)";

    public Task<IReadOnlyList<StoredMessage>> ListPoisonAsync(string? endpoint, int max, CancellationToken cancellationToken = default) =>
        store.ReadManyAsync($"SELECT {SqliteRows.MessageColumns} FROM wsrm_messages WHERE {Poison} AND ($e IS NULL OR endpoint = $e) ORDER BY received LIMIT $max",
            c => c.With("$e", endpoint).With("$max", max), SqliteRows.Message, cancellationToken);

    public async Task<StoredMessage?> FindMessageAsync(string sequenceId, ulong number, CancellationToken cancellationToken = default)
    {
        var rows = await store.ReadManyAsync($"SELECT {SqliteRows.MessageColumns} FROM wsrm_messages WHERE sequence_id = $s AND number = $n",
            c => c.With("$s", sequenceId).With("$n", number), SqliteRows.Message, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<bool> RequeuePoisonAsync(string sequenceId, ulong number, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"UPDATE wsrm_messages SET state = 0, attempts = 0, cycles = 0, not_before = NULL, lease_until = NULL WHERE sequence_id = $s AND number = $n AND {Poison}",
            c => c.With("$s", sequenceId).With("$n", number), cancellationToken, rows => rows == 1);

    public Task<int> PurgePoisonAsync(string? endpoint, string? sequenceId, ulong? number, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"DELETE FROM wsrm_messages WHERE {Poison} AND ($e IS NULL OR endpoint = $e) AND ($s IS NULL OR sequence_id = $s) AND ($n IS NULL OR number = $n)",
            c => c.With("$e", endpoint).With("$s", sequenceId).With("$n", number), cancellationToken, rows => rows);

    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(string? queue, int max, CancellationToken cancellationToken = default) =>
        store.ReadManyAsync($"SELECT {SqliteRows.OutboxColumns} FROM wsrm_outbox WHERE state = 1 AND ($q IS NULL OR queue = $q) ORDER BY id LIMIT $max",
            c => c.With("$q", queue).With("$max", max), SqliteRows.Outbox, cancellationToken);

    public async Task<OutboxMessage?> FindOutboxAsync(long id, CancellationToken cancellationToken = default)
    {
        var rows = await store.ReadManyAsync($"SELECT {SqliteRows.OutboxColumns} FROM wsrm_outbox WHERE id = $id",
            c => c.With("$id", id), SqliteRows.Outbox, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<bool> RequeueDeadLetterAsync(long id, TimeSpan? timeToLive, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            UPDATE wsrm_outbox SET state = 0, sequence_id = NULL, number = NULL, attempts = 0, last_error = NULL, dead_reason = NULL,
                dead_at = NULL, enqueued = $now, expires_at = $expires
            WHERE id = $id AND state = 1
            """,
            c => c.With("$id", id).With("$now", now).With("$expires", timeToLive is { } ttl ? now + ttl : null), cancellationToken, rows => rows == 1);

    public Task<int> PurgeDeadLettersAsync(string? queue, long? id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM wsrm_outbox WHERE state = 1 AND ($q IS NULL OR queue = $q) AND ($id IS NULL OR id = $id)",
            c => c.With("$q", queue).With("$id", id), cancellationToken, rows => rows);

    public Task<IReadOnlyList<QueueDepth>> GetQueueDepthsAsync(CancellationToken cancellationToken = default) =>
        store.ReadManyAsync("""
            SELECT CASE WHEN state IN (0, 1, 5) THEN 0 ELSE 1 END AS kind, endpoint, COUNT(*), MIN(received) FROM wsrm_messages GROUP BY 1, 2
            UNION ALL
            SELECT CASE WHEN state = 0 THEN 2 ELSE 3 END AS kind, queue, COUNT(*), MIN(enqueued) FROM wsrm_outbox GROUP BY 1, 2
            ORDER BY 1, 2
            """,
            _ => { }, r => new QueueDepth((QueueKind)r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : SqliteTime.FromDb(r.GetInt64(3))),
            cancellationToken);

    public Task<int> CheckAsync(CancellationToken cancellationToken = default) => store.CheckAsync(cancellationToken);

    private Task<T> ExecuteAsync<T>(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken, Func<int, T> result) =>
        store.WriteAloneAsync(async (connection, transaction) =>
        {
            await using var command = new SqliteCommand(sql, connection, transaction);
            bind(command);
            return result(await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
