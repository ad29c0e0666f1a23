using Npgsql;

namespace WsRm.Storage.PostgreSql;

/// <summary>The operator's view of a PostgreSQL store; each change is one statement, committed on its own.</summary>
internal sealed class PostgreSqlStoreAdmin(PostgreSqlWsRmStore store) : IWsRmStoreAdmin
{
    private const string Poison = "state IN (2, 3, 4)";

    public Task<IReadOnlyList<StoredMessage>> ListPoisonAsync(string? endpoint, int max, CancellationToken cancellationToken = default) =>
        store.ReadManyAsync($"SELECT {PostgreSqlRows.MessageColumns} FROM wsrm_messages WHERE {Poison} AND (@e IS NULL OR endpoint = @e) ORDER BY received LIMIT @max",
            p => p.Text("e", endpoint).Integer("max", max), PostgreSqlRows.Message, cancellationToken);

    public async Task<StoredMessage?> FindMessageAsync(string sequenceId, ulong number, CancellationToken cancellationToken = default)
    {
        var rows = await store.ReadManyAsync($"SELECT {PostgreSqlRows.MessageColumns} FROM wsrm_messages WHERE sequence_id = @s AND number = @n",
            p => p.Text("s", sequenceId).Bigint("n", number), PostgreSqlRows.Message, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<bool> RequeuePoisonAsync(string sequenceId, ulong number, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"UPDATE wsrm_messages SET state = 0, attempts = 0, cycles = 0, not_before = NULL, lease_until = NULL WHERE sequence_id = @s AND number = @n AND {Poison}",
            p => p.Text("s", sequenceId).Bigint("n", number), cancellationToken, rows => rows == 1);

    public Task<int> PurgePoisonAsync(string? endpoint, string? sequenceId, ulong? number, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"DELETE FROM wsrm_messages WHERE {Poison} AND (@e IS NULL OR endpoint = @e) AND (@s IS NULL OR sequence_id = @s) AND (@n IS NULL OR number = @n)",
            p => p.Text("e", endpoint).Text("s", sequenceId).Bigint("n", number), cancellationToken, rows => rows);

    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(string? queue, int max, CancellationToken cancellationToken = default) =>
        store.ReadManyAsync($"SELECT {PostgreSqlRows.OutboxColumns} FROM wsrm_outbox WHERE state = 1 AND (@q IS NULL OR queue = @q) ORDER BY id LIMIT @max",
            p => p.Text("q", queue).Integer("max", max), PostgreSqlRows.Outbox, cancellationToken);

    public async Task<OutboxMessage?> FindOutboxAsync(long id, CancellationToken cancellationToken = default)
    {
        var rows = await store.ReadManyAsync($"SELECT {PostgreSqlRows.OutboxColumns} FROM wsrm_outbox WHERE id = @id",
            p => p.Bigint("id", id), PostgreSqlRows.Outbox, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<bool> RequeueDeadLetterAsync(long id, TimeSpan? timeToLive, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            UPDATE wsrm_outbox SET state = 0, sequence_id = NULL, number = NULL, attempts = 0, last_error = NULL, dead_reason = NULL,
                dead_at = NULL, enqueued = coalesce(@now, now()), expires_at = coalesce(@now, now()) + @ttl
            WHERE id = @id AND state = 1
            """,
            p => p.Bigint("id", id).ClockTime("now", now, store.Clock).Duration("ttl", timeToLive), cancellationToken, rows => rows == 1);

    public Task<int> PurgeDeadLettersAsync(string? queue, long? id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM wsrm_outbox WHERE state = 1 AND (@q IS NULL OR queue = @q) AND (@id IS NULL OR id = @id)",
            p => p.Text("q", queue).Bigint("id", id), cancellationToken, rows => rows);

    public Task<IReadOnlyList<QueueDepth>> GetQueueDepthsAsync(CancellationToken cancellationToken = default) =>
        store.ReadManyAsync("""
            SELECT CASE WHEN state IN (0, 1, 5) THEN 0 ELSE 1 END AS kind, endpoint, count(*), min(received) FROM wsrm_messages GROUP BY 1, 2
            UNION ALL
            SELECT CASE WHEN state = 0 THEN 2 ELSE 3 END AS kind, queue, count(*), min(enqueued) FROM wsrm_outbox GROUP BY 1, 2
            ORDER BY 1, 2
            """,
            _ => { }, r => new QueueDepth((QueueKind)r.GetInt32(0), r.GetString(1), r.GetInt64(2), PostgreSqlRows.NullableTime(r, 3)),
            cancellationToken);

    public Task<int> CheckAsync(CancellationToken cancellationToken = default) => store.CountSequencesAsync(null, cancellationToken);

    private Task<T> ExecuteAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken, Func<int, T> result) =>
        store.WriteAloneAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            bind(command.Parameters);
            return result(await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
