using System.Data.Common;

namespace WsRm.Storage.Sqlite;

/// <summary>Reads records from rows selected with the column lists below.</summary>
internal static class SqliteRows
{
    public const string SequenceColumns = "id, endpoint, rm_ns, soap_ns, wsa_ns, client_key, owner, create_message_id, ordered, status, " +
        "received, last_number, last_named, reply_id, reply_last, created, last_activity, version";

    public const string MessageColumns = "sequence_id, number, endpoint, action, envelope, received, state, attempts, cycles, not_before, lease_until, last_error";

    public const string ReplyColumns = "sequence_id, request_number, reply_number, action, body, is_fault, last_message";

    public const string OutboxColumns = "id, queue, action, body, enqueued, expires_at, state, sequence_id, number, attempts, last_error, dead_reason, dead_at";

    public const string SourceColumns = "queue, id, address, rm_ns, last_number, created, version";

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
        Ordered = r.GetInt64(8) != 0,
        Status = (SequenceStatus)r.GetInt64(9),
        Received = r.GetString(10),
        LastMessageNumber = r.IsDBNull(11) ? null : (ulong)r.GetInt64(11),
        LastNamedBySource = r.GetInt64(12) != 0,
        ReplyId = NullableString(r, 13),
        ReplyLastNumber = (ulong)r.GetInt64(14),
        Created = SqliteTime.FromDb(r.GetInt64(15)),
        LastActivity = SqliteTime.FromDb(r.GetInt64(16)),
        Version = r.GetInt64(17),
    };

    public static StoredMessage Message(DbDataReader r) => new()
    {
        SequenceId = r.GetString(0),
        Number = (ulong)r.GetInt64(1),
        Endpoint = r.GetString(2),
        Action = NullableString(r, 3),
        Envelope = (byte[])r.GetValue(4),
        Received = SqliteTime.FromDb(r.GetInt64(5)),
        State = (MessageState)r.GetInt64(6),
        Attempts = (int)r.GetInt64(7),
        Cycles = (int)r.GetInt64(8),
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
        Body = (byte[])r.GetValue(4),
        IsFault = r.GetInt64(5) != 0,
        LastMessage = r.GetInt64(6) != 0,
    };

    public static OutboxMessage Outbox(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Queue = r.GetString(1),
        Action = r.GetString(2),
        Body = (byte[])r.GetValue(3),
        Enqueued = SqliteTime.FromDb(r.GetInt64(4)),
        ExpiresAt = NullableTime(r, 5),
        State = (OutboxState)r.GetInt64(6),
        SequenceId = NullableString(r, 7),
        Number = r.IsDBNull(8) ? null : (ulong)r.GetInt64(8),
        Attempts = (int)r.GetInt64(9),
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
        Created = SqliteTime.FromDb(r.GetInt64(5)),
        Version = r.GetInt64(6),
    };

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? NullableTime(DbDataReader r, int i) => r.IsDBNull(i) ? null : SqliteTime.FromDb(r.GetInt64(i));
}
