using Npgsql;

namespace WsRm.Storage.PostgreSql;

public sealed partial class PostgreSqlWsRmStore
{
    // Claimable: ready and due, or in progress with its lease run out. A message of an ordered sequence waits while a
    // lower number of it is ready and due, or in progress; a lower one waiting for a retry cycle, or parked, does not
    // hold it back (later messages keep flowing). Several servers claim at once: each locks the rows it takes and skips
    // those another holds, and the lower-number test reads committed states, which no claim of another server can make
    // claimable early (a lower message it holds still reads as ready, or in progress, until that server is done).
    private static readonly string ClaimSql = $"""
        WITH due AS (
            SELECT m.sequence_id, m.number FROM wsrm_messages m
            WHERE m.endpoint = @endpoint
              AND ((m.state = 0 AND (m.not_before IS NULL OR m.not_before <= coalesce(@now, now())))
                OR (m.state = 1 AND m.lease_until <= coalesce(@now, now())))
              AND (NOT m.ordered OR NOT EXISTS (
                    SELECT 1 FROM wsrm_messages p
                    WHERE p.sequence_id = m.sequence_id AND p.number < m.number
                      AND ((p.state = 0 AND (p.not_before IS NULL OR p.not_before <= coalesce(@now, now()))) OR p.state = 1)))
            ORDER BY m.received, m.sequence_id, m.number
            LIMIT @max
            FOR UPDATE OF m SKIP LOCKED)
        UPDATE wsrm_messages m SET state = 1, lease_until = coalesce(@now, now()) + @lease
        FROM due WHERE m.sequence_id = due.sequence_id AND m.number = due.number
        RETURNING {PostgreSqlRows.Qualified(PostgreSqlRows.MessageColumns, "m")}
        """;

    private const string ExpireSql = $"""
        UPDATE wsrm_outbox SET state = 1, dead_reason = @reason, dead_at = coalesce(@now, now())
        WHERE queue = @queue AND state = 0 AND expires_at IS NOT NULL AND expires_at <= coalesce(@now, now())
        RETURNING {PostgreSqlRows.OutboxColumns}
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredMessage>> ClaimMessagesAsync(string endpoint, int max, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        var claimed = await WriteAloneAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(ClaimSql, connection);
            command.Parameters.Text("endpoint", endpoint).ClockTime("now", now, _clock).Integer("max", max).Duration("lease", lease);
            return await ReadAllAsync(command, PostgreSqlRows.Message, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        // RETURNING has no order: oldest first again.
        return [.. claimed.OrderBy(m => m.Received).ThenBy(m => m.SequenceId, StringComparer.Ordinal).ThenBy(m => m.Number)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ExpireOutboxAsync(string queue, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var expired = await WriteAloneAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(ExpireSql, connection);
            command.Parameters.Text("queue", queue).ClockTime("now", now, _clock).Text("reason", "TimeToLive expired before the destination acknowledged it.");
            return await ReadAllAsync(command, PostgreSqlRows.Outbox, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return [.. expired.OrderBy(o => o.Id)];
    }
}
