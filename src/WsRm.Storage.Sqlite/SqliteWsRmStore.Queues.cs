using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

public sealed partial class SqliteWsRmStore
{
    // Claimable: ready and due, or in progress with its lease run out. A message of an ordered sequence waits while a
    // lower number of it is ready and due, or in progress; a lower one waiting for a retry cycle, or parked, does not
    // hold it back (later messages keep flowing).
    private const string ClaimSql = $"""
        SELECT {SqliteRows.MessageColumns} FROM wsrm_messages m
        WHERE m.endpoint = $endpoint
          AND ((m.state = 0 AND (m.not_before IS NULL OR m.not_before <= $now)) OR (m.state = 1 AND m.lease_until <= $now))
          AND (m.ordered = 0 OR NOT EXISTS (
                SELECT 1 FROM wsrm_messages p
                WHERE p.sequence_id = m.sequence_id AND p.number < m.number
                  AND ((p.state = 0 AND (p.not_before IS NULL OR p.not_before <= $now)) OR p.state = 1)))
        ORDER BY m.received, m.sequence_id, m.number
        LIMIT $max
        """;

    private const string ExpireSql = $"""
        UPDATE wsrm_outbox SET state = 1, dead_reason = $reason, dead_at = $now
        WHERE queue = $queue AND state = 0 AND expires_at IS NOT NULL AND expires_at <= $now
        RETURNING {SqliteRows.OutboxColumns}
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredMessage>> ClaimMessagesAsync(string endpoint, int max, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken = default) =>
        WriteAloneAsync(async (connection, transaction) =>
        {
            IReadOnlyList<StoredMessage> claimed;
            await using (var select = new SqliteCommand(ClaimSql, connection, transaction))
            {
                select.With("$endpoint", endpoint).With("$now", now).With("$max", max);
                claimed = await ReadAllAsync(select, SqliteRows.Message, cancellationToken).ConfigureAwait(false);
            }
            var until = now + lease;
            await using var take = new SqliteCommand("UPDATE wsrm_messages SET state = 1, lease_until = $until WHERE sequence_id = $seq AND number = $n", connection, transaction);
            var result = new List<StoredMessage>(claimed.Count);
            foreach (var m in claimed)
            {
                take.Parameters.Clear();
                take.With("$until", until).With("$seq", m.SequenceId).With("$n", m.Number);
                await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                result.Add(m with { State = MessageState.InProgress, LeaseUntil = until });
            }
            return (IReadOnlyList<StoredMessage>)result;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ExpireOutboxAsync(string queue, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAloneAsync(async (connection, transaction) =>
        {
            await using var command = new SqliteCommand(ExpireSql, connection, transaction);
            command.With("$queue", queue).With("$now", now).With("$reason", "TimeToLive expired before the destination acknowledged it.");
            return await ReadAllAsync(command, SqliteRows.Outbox, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
