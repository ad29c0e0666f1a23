using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

public sealed partial class SqliteWsRmStore
{
    /// <inheritdoc />
    public Task<StoredSequence?> FindSequenceAsync(string id, CancellationToken cancellationToken = default) =>
        ReadOneAsync($"SELECT {SqliteRows.SequenceColumns} FROM wsrm_sequences WHERE id = $p", id, SqliteRows.Sequence, cancellationToken);

    /// <inheritdoc />
    public Task<StoredSequence?> FindSequenceByReplyIdAsync(string replyId, CancellationToken cancellationToken = default) =>
        ReadOneAsync($"SELECT {SqliteRows.SequenceColumns} FROM wsrm_sequences WHERE reply_id = $p", replyId, SqliteRows.Sequence, cancellationToken);

    /// <inheritdoc />
    public async Task<int> CountSequencesAsync(string? clientKey = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = clientKey is null ? "SELECT COUNT(*) FROM wsrm_sequences" : "SELECT COUNT(*) FROM wsrm_sequences WHERE client_key = $p";
        if (clientKey is not null) command.With("$p", clientKey);
        return Convert.ToInt32(await ScalarAsync(command, cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredMessage>> ReadMessagesAsync(string sequenceId, CancellationToken cancellationToken = default) =>
        ReadManyAsync($"SELECT {SqliteRows.MessageColumns} FROM wsrm_messages WHERE sequence_id = $p ORDER BY number",
            c => c.With("$p", sequenceId), SqliteRows.Message, cancellationToken);

    /// <inheritdoc />
    public async Task<StoredReply?> FindReplyAsync(string sequenceId, ulong requestNumber, CancellationToken cancellationToken = default)
    {
        var replies = await ReadManyAsync($"SELECT {SqliteRows.ReplyColumns} FROM wsrm_replies WHERE sequence_id = $s AND request_number = $n",
            c => c.With("$s", sequenceId).With("$n", requestNumber), SqliteRows.Reply, cancellationToken).ConfigureAwait(false);
        return replies.Count == 0 ? null : replies[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindSequencesWithMessagesAsync(string endpoint, CancellationToken cancellationToken = default) =>
        await ReadManyAsync("SELECT DISTINCT sequence_id FROM wsrm_messages WHERE endpoint = $p AND state IN (0, 1)",
            c => c.With("$p", endpoint), r => r.GetString(0), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSequence>> FindInactiveSequencesAsync(TimeSpan inactivity, DateTimeOffset now, int max,
        CancellationToken cancellationToken = default) =>
        ReadManyAsync($"SELECT {SqliteRows.SequenceColumns} FROM wsrm_sequences WHERE last_activity < $before ORDER BY last_activity LIMIT $max",
            c => c.With("$before", SqliteTime.ToDb(now - inactivity)).With("$max", max), SqliteRows.Sequence, cancellationToken);

    /// <inheritdoc />
    public Task<StoredSourceSequence?> FindSourceSequenceAsync(string queue, CancellationToken cancellationToken = default) =>
        ReadOneAsync($"SELECT {SqliteRows.SourceColumns} FROM wsrm_source_sequences WHERE queue = $p", queue, SqliteRows.Source, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(string queue, int max, CancellationToken cancellationToken = default) =>
        ReadManyAsync($"SELECT {SqliteRows.OutboxColumns} FROM wsrm_outbox WHERE queue = $q AND state = 0 ORDER BY id LIMIT $max",
            c => c.With("$q", queue).With("$max", max), SqliteRows.Outbox, cancellationToken);

    private async Task<T?> ReadOneAsync<T>(string sql, string key, Func<DbDataReader, T> map, CancellationToken cancellationToken) where T : class
    {
        var rows = await ReadManyAsync(sql, c => c.With("$p", key), map, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    internal async Task<IReadOnlyList<T>> ReadManyAsync<T>(string sql, Action<SqliteCommand> bind, Func<DbDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        try
        {
            return await ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"The SQLite store {_database} cannot be read: {e.Message}", e);
        }
    }

    internal static async Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(map(reader));
        return rows;
    }

    private async Task<object?> ScalarAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"The SQLite store {_database} cannot be read: {e.Message}", e);
        }
    }
}
