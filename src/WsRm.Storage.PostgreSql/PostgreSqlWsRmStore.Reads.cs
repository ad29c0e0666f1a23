namespace WsRm.Storage.PostgreSql;

public sealed partial class PostgreSqlWsRmStore
{
    /// <inheritdoc />
    public Task<StoredSequence?> FindSequenceAsync(string id, CancellationToken cancellationToken = default) =>
        ReadOneAsync($"SELECT {PostgreSqlRows.SequenceColumns} FROM wsrm_sequences WHERE id = @p", id, PostgreSqlRows.Sequence, cancellationToken);

    /// <inheritdoc />
    public Task<StoredSequence?> FindSequenceByReplyIdAsync(string replyId, CancellationToken cancellationToken = default) =>
        ReadOneAsync($"SELECT {PostgreSqlRows.SequenceColumns} FROM wsrm_sequences WHERE reply_id = @p", replyId, PostgreSqlRows.Sequence, cancellationToken);

    /// <inheritdoc />
    public async Task<int> CountSequencesAsync(string? clientKey = null, CancellationToken cancellationToken = default)
    {
        var counts = await ReadManyAsync("SELECT count(*) FROM wsrm_sequences WHERE @p IS NULL OR client_key = @p",
            p => p.Text("p", clientKey), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return checked((int)counts[0]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredMessage>> ReadMessagesAsync(string sequenceId, CancellationToken cancellationToken = default) =>
        ReadManyAsync($"SELECT {PostgreSqlRows.MessageColumns} FROM wsrm_messages WHERE sequence_id = @p ORDER BY number",
            p => p.Text("p", sequenceId), PostgreSqlRows.Message, cancellationToken);

    /// <inheritdoc />
    public async Task<StoredReply?> FindReplyAsync(string sequenceId, ulong requestNumber, CancellationToken cancellationToken = default)
    {
        var replies = await ReadManyAsync($"SELECT {PostgreSqlRows.ReplyColumns} FROM wsrm_replies WHERE sequence_id = @s AND request_number = @n",
            p => p.Text("s", sequenceId).Bigint("n", requestNumber), PostgreSqlRows.Reply, cancellationToken).ConfigureAwait(false);
        return replies.Count == 0 ? null : replies[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindSequencesWithMessagesAsync(string endpoint, CancellationToken cancellationToken = default) =>
        ReadManyAsync("SELECT DISTINCT sequence_id FROM wsrm_messages WHERE endpoint = @p AND state IN (0, 1)",
            p => p.Text("p", endpoint), r => r.GetString(0), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSequence>> FindInactiveSequencesAsync(TimeSpan inactivity, DateTimeOffset now, int max,
        CancellationToken cancellationToken = default) =>
        ReadManyAsync($"""
            SELECT {PostgreSqlRows.SequenceColumns} FROM wsrm_sequences
            WHERE last_activity < coalesce(@now, now()) - @inactivity ORDER BY last_activity LIMIT @max
            """,
            p => p.ClockTime("now", now, _clock).Duration("inactivity", inactivity).Integer("max", max), PostgreSqlRows.Sequence, cancellationToken);

    /// <inheritdoc />
    public Task<StoredSourceSequence?> FindSourceSequenceAsync(string queue, CancellationToken cancellationToken = default) =>
        ReadOneAsync($"SELECT {PostgreSqlRows.SourceColumns} FROM wsrm_source_sequences WHERE queue = @p", queue, PostgreSqlRows.Source, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(string queue, int max, CancellationToken cancellationToken = default) =>
        ReadManyAsync($"SELECT {PostgreSqlRows.OutboxColumns} FROM wsrm_outbox WHERE queue = @q AND state = 0 ORDER BY id LIMIT @max",
            p => p.Text("q", queue).Integer("max", max), PostgreSqlRows.Outbox, cancellationToken);

    private async Task<T?> ReadOneAsync<T>(string sql, string key, Func<Npgsql.NpgsqlDataReader, T> map, CancellationToken cancellationToken) where T : class
    {
        var rows = await ReadManyAsync(sql, p => p.Text("p", key), map, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }
}
