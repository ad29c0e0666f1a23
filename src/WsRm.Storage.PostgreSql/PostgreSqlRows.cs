using System.Data.Common;

namespace WsRm.Storage.PostgreSql;

/// <summary>Reads records from rows selected with the column lists below (the same lists as SQLite's).</summary>
internal static class PostgreSqlRows
{
    public const string SequenceColumns = "id, endpoint, rm_ns, soap_ns, wsa_ns, client_key, owner, create_message_id, ordered, status, " +
        "received, last_number, last_named, reply_id, reply_last, created, last_activity, version";

    public const string MessageColumns = "sequence_id, number, endpoint, action, envelope, received, state, attempts, cycles, not_before, lease_until, last_error";

    public const string ReplyColumns = "sequence_id, request_number, reply_number, action, body, is_fault, last_message";

    public const string OutboxColumns = "id, queue, action, body, enqueued, expires_at, state, sequence_id, number, attempts, last_error, dead_reason, dead_at";

    public const string SourceColumns = "queue, id, address, rm_ns, last_number, created, version";

    /// <summary>A column list with each column prefixed by <paramref name="alias"/>.</summary>
    public static string Qualified(string columns, string alias) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Select(c => $"{alias}.{c}"));

    public static StoredSequence Sequence(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Endpoint = r.GetString(1),
        RmNamespace = r.GetString(2),
        SoapNamespace = r.GetString(3),
        AddressingNamespace = NullableString(r, 4),
        ClientKey = r.GetString(5),
        Owner = NullableString(r, 6),
        CreateMessageId = NullableString(r, 7),
        Ordered = r.GetBoolean(8),
        Status = (SequenceStatus)r.GetInt16(9),
        Received = r.GetString(10),
        LastMessageNumber = r.IsDBNull(11) ? null : (ulong)r.GetInt64(11),
        LastNamedBySource = r.GetBoolean(12),
        ReplyId = NullableString(r, 13),
        ReplyLastNumber = (ulong)r.GetInt64(14),
        Created = Time(r, 15),
        LastActivity = Time(r, 16),
        Version = r.GetInt64(17),
    };

    public static StoredMessage Message(DbDataReader r) => new()
    {
        SequenceId = r.GetString(0),
        Number = (ulong)r.GetInt64(1),
        Endpoint = r.GetString(2),
        Action = NullableString(r, 3),
        Envelope = r.GetFieldValue<byte[]>(4),
        Received = Time(r, 5),
        State = (MessageState)r.GetInt16(6),
        Attempts = r.GetInt32(7),
        Cycles = r.GetInt32(8),
        NotBefore = NullableTime(r, 9),
        LeaseUntil = NullableTime(r, 10),
        LastError = NullableString(r, 11),
    };

    public static StoredReply Reply(DbDataReader r) => new()
    {
        SequenceId = r.GetString(0),
        RequestNumber = (ulong)r.GetInt64(1),
        ReplyNumber = (ulong)r.GetInt64(2),
        Action = NullableString(r, 3),
        Body = r.GetFieldValue<byte[]>(4),
        IsFault = r.GetBoolean(5),
        LastMessage = r.GetBoolean(6),
    };

    public static OutboxMessage Outbox(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Queue = r.GetString(1),
        Action = r.GetString(2),
        Body = r.GetFieldValue<byte[]>(3),
        Enqueued = Time(r, 4),
        ExpiresAt = NullableTime(r, 5),
        State = (OutboxState)r.GetInt16(6),
        SequenceId = NullableString(r, 7),
        Number = r.IsDBNull(8) ? null : (ulong)r.GetInt64(8),
        Attempts = r.GetInt32(9),
        LastError = NullableString(r, 10),
        DeadReason = NullableString(r, 11),
        DeadAt = NullableTime(r, 12),
    };

    public static StoredSourceSequence Source(DbDataReader r) => new()
    {
        Queue = r.GetString(0),
        Id = r.GetString(1),
        Address = r.GetString(2),
        RmNamespace = r.GetString(3),
        LastNumber = (ulong)r.GetInt64(4),
        Created = Time(r, 5),
        Version = r.GetInt64(6),
    };

    // timestamptz comes back in UTC (offset 0).
    public static DateTimeOffset Time(DbDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);

    public static DateTimeOffset? NullableTime(DbDataReader r, int i) => r.IsDBNull(i) ? null : Time(r, i);

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
