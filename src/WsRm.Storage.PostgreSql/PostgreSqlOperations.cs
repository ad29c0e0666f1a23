using Npgsql;

namespace WsRm.Storage.PostgreSql;

/// <summary>
/// The statements of each <see cref="StoreOperation"/> in PostgreSQL's SQL, added to a batch that runs in one round trip
/// and one transaction. A conflict is an error that rolls the batch back and names its statement: a version-checked
/// statement that changed no row raises SQLSTATE WR409 (<c>wsrm_expect_one</c>), an insert whose key exists raises a
/// unique violation (23505). Times written as <c>coalesce(@time, now())</c> are bound null with
/// <see cref="PostgreSqlClock.Database"/>, so the database's clock writes them.
/// </summary>
internal static class PostgreSqlOperations
{
    private const string InsertSequence = """
        INSERT INTO wsrm_sequences (id, endpoint, rm_ns, soap_ns, wsa_ns, client_key, owner, create_message_id, ordered, status,
            received, last_number, last_named, reply_id, reply_last, created, last_activity, version)
        VALUES (@id, @endpoint, @rm, @soap, @wsa, @client, @owner, @create, @ordered, @status, @received, @last, @named,
            @reply, @reply_last, coalesce(@created, now()), coalesce(@activity, now()), 1)
        """;

    // With the database's clock a last activity the caller changed (it heard from the source) becomes now(); one it
    // passed back as read stays, so the row's indexed column does not change on every message.
    private const string UpdateSequence = """
        WITH changed AS (
            UPDATE wsrm_sequences SET status = @status, received = @received, last_number = @last, last_named = @named,
                reply_last = GREATEST(reply_last, @reply_last), version = version + 1,
                last_activity = CASE WHEN @database_clock AND @activity <> last_activity THEN now() ELSE @activity END
            WHERE id = @id AND version = @version
            RETURNING 1)
        SELECT wsrm_expect_one(count(*)) FROM changed
        """;

    private static readonly string[] DeleteSequenceSql =
    [
        "DELETE FROM wsrm_messages WHERE sequence_id = @id",
        "DELETE FROM wsrm_replies WHERE sequence_id = @id",
        "DELETE FROM wsrm_sequences WHERE id = @id",
    ];

    // A target queue's messages outlive their sequence; those behind a gap that will not be filled become ready.
    private static readonly string[] DeleteSequenceKeepingMessagesSql =
    [
        "UPDATE wsrm_messages SET state = 0 WHERE sequence_id = @id AND state = 5",
        "DELETE FROM wsrm_replies WHERE sequence_id = @id",
        "DELETE FROM wsrm_sequences WHERE id = @id",
    ];

    // The sequence must exist (a message of a deleted sequence is a conflict); KEY SHARE keeps it from being deleted
    // by another server until this commits.
    private const string InsertMessage = """
        WITH added AS (
            INSERT INTO wsrm_messages (sequence_id, number, endpoint, action, envelope, received, state, attempts, cycles,
                not_before, lease_until, last_error, ordered)
            SELECT @seq, @number, @endpoint, @action, @envelope, coalesce(@received, now()), @state, @attempts, @cycles,
                @not_before, @lease, @error, s.ordered
            FROM wsrm_sequences s WHERE s.id = @seq FOR KEY SHARE
            RETURNING 1)
        SELECT wsrm_expect_one(count(*)) FROM added
        """;

    private const string UpdateMessageSql = """
        UPDATE wsrm_messages SET state = @state, attempts = @attempts, cycles = @cycles, not_before = @not_before,
            lease_until = @lease, last_error = @error
        WHERE sequence_id = @seq AND number = @number
        """;

    private const string InsertReply = """
        INSERT INTO wsrm_replies (sequence_id, request_number, reply_number, action, body, is_fault, last_message)
        VALUES (@seq, @request, @reply, @action, @body, @fault, @last)
        """;

    // The expiry keeps its distance from enqueueing (the TimeToLive) whichever clock writes the enqueueing time.
    private const string InsertOutbox = """
        INSERT INTO wsrm_outbox (queue, action, body, enqueued, expires_at, state, sequence_id, number, attempts, last_error,
            dead_reason, dead_at)
        VALUES (@queue, @action, @body, coalesce(@enqueued, now()), coalesce(@enqueued, now()) + @ttl, @state, @seq, @number,
            @attempts, @error, @dead, CASE WHEN @is_dead THEN coalesce(@dead_at, now()) END)
        """;

    // A message already dead keeps the time it died with the database's clock.
    private const string UpdateOutboxSql = """
        UPDATE wsrm_outbox SET state = @state, sequence_id = @seq, number = @number, attempts = @attempts,
            last_error = @error, dead_reason = @dead, expires_at = @expires,
            dead_at = CASE WHEN @is_dead THEN coalesce(@dead_at, dead_at, now()) END
        WHERE id = @id
        """;

    private const string InsertSource = """
        INSERT INTO wsrm_source_sequences (queue, id, address, rm_ns, last_number, created, version)
        VALUES (@queue, @id, @address, @rm, @last, coalesce(@created, now()), 1)
        """;

    private const string UpdateSource = """
        WITH changed AS (
            UPDATE wsrm_source_sequences SET id = @id, address = @address, rm_ns = @rm, last_number = @last, version = version + 1
            WHERE queue = @queue AND version = @version
            RETURNING 1)
        SELECT wsrm_expect_one(count(*)) FROM changed
        """;

    /// <summary>Adds the statements of <paramref name="operation"/> to <paramref name="batch"/>.</summary>
    public static void Append(NpgsqlBatch batch, StoreOperation operation, PostgreSqlClock clock)
    {
        switch (operation)
        {
            case SaveSequence { Sequence: { Version: 0 } s }:
                Add(batch, InsertSequence).Text("id", s.Id).Text("endpoint", s.Endpoint).Text("rm", s.RmNamespace).Text("soap", s.SoapNamespace)
                    .Text("wsa", s.AddressingNamespace).Text("client", s.ClientKey).Text("owner", s.Owner).Text("create", s.CreateMessageId)
                    .Boolean("ordered", s.Ordered).Smallint("status", (int)s.Status).Text("received", s.Received).Bigint("last", s.LastMessageNumber)
                    .Boolean("named", s.LastNamedBySource).Text("reply", s.ReplyId).Bigint("reply_last", s.ReplyLastNumber)
                    .ClockTime("created", s.Created, clock).ClockTime("activity", s.LastActivity, clock);
                break;
            case SaveSequence { Sequence: var s }:
                Add(batch, UpdateSequence).Text("id", s.Id).Bigint("version", s.Version).Smallint("status", (int)s.Status)
                    .Text("received", s.Received).Bigint("last", s.LastMessageNumber).Boolean("named", s.LastNamedBySource)
                    .Bigint("reply_last", s.ReplyLastNumber).Time("activity", s.LastActivity).Boolean("database_clock", clock == PostgreSqlClock.Database);
                break;
            case DeleteSequence { SequenceId: var id, KeepMessages: var keep }:
                foreach (var sql in keep ? DeleteSequenceKeepingMessagesSql : DeleteSequenceSql) Add(batch, sql).Text("id", id);
                break;
            case AddMessage { Message: var m }:
                Add(batch, InsertMessage).Text("seq", m.SequenceId).Bigint("number", m.Number).Text("endpoint", m.Endpoint)
                    .Text("action", m.Action).Bytea("envelope", m.Envelope).ClockTime("received", m.Received, clock).Smallint("state", (int)m.State)
                    .Integer("attempts", m.Attempts).Integer("cycles", m.Cycles).Time("not_before", m.NotBefore).Time("lease", m.LeaseUntil)
                    .Text("error", m.LastError);
                break;
            case UpdateMessage { Message: var m }:
                Add(batch, UpdateMessageSql).Text("seq", m.SequenceId).Bigint("number", m.Number).Smallint("state", (int)m.State)
                    .Integer("attempts", m.Attempts).Integer("cycles", m.Cycles).Time("not_before", m.NotBefore).Time("lease", m.LeaseUntil)
                    .Text("error", m.LastError);
                break;
            case ReleaseWaiting { SequenceId: var id, UpTo: var upTo }:
                Add(batch, "UPDATE wsrm_messages SET state = 0 WHERE sequence_id = @seq AND state = 5 AND number <= @up_to")
                    .Text("seq", id).Bigint("up_to", upTo);
                break;
            case RemoveMessage { SequenceId: var id, Number: var number }:
                Add(batch, "DELETE FROM wsrm_messages WHERE sequence_id = @seq AND number = @number").Text("seq", id).Bigint("number", number);
                break;
            case AddReply { Reply: var r }:
                Add(batch, InsertReply).Text("seq", r.SequenceId).Bigint("request", r.RequestNumber).Bigint("reply", r.ReplyNumber)
                    .Text("action", r.Action).Bytea("body", r.Body).Boolean("fault", r.IsFault).Boolean("last", r.LastMessage);
                break;
            case NoteReplyNumber { SequenceId: var id, Number: var number }:
                Add(batch, "UPDATE wsrm_sequences SET reply_last = GREATEST(reply_last, @n) WHERE id = @seq").Text("seq", id).Bigint("n", number);
                break;
            case RemoveReplies { SequenceId: var id, Acknowledged: var ranges }:
                foreach (var (lower, upper) in ranges)
                    Add(batch, "DELETE FROM wsrm_replies WHERE sequence_id = @seq AND reply_number BETWEEN @lower AND @upper")
                        .Text("seq", id).Bigint("lower", lower).Bigint("upper", upper);
                break;
            case Enqueue { Message: var o }:
                Add(batch, InsertOutbox).Text("queue", o.Queue).Text("action", o.Action).Bytea("body", o.Body)
                    .ClockTime("enqueued", o.Enqueued, clock).Duration("ttl", o.ExpiresAt - o.Enqueued).Smallint("state", (int)o.State)
                    .Text("seq", o.SequenceId).Bigint("number", o.Number).Integer("attempts", o.Attempts).Text("error", o.LastError)
                    .Text("dead", o.DeadReason).Boolean("is_dead", o.DeadAt is not null).Time("dead_at", DeadAt(o, clock));
                break;
            case UpdateOutbox { Message: var o }:
                Add(batch, UpdateOutboxSql).Bigint("id", o.Id).Smallint("state", (int)o.State).Text("seq", o.SequenceId)
                    .Bigint("number", o.Number).Integer("attempts", o.Attempts).Text("error", o.LastError).Text("dead", o.DeadReason)
                    .Time("expires", o.ExpiresAt).Boolean("is_dead", o.DeadAt is not null).Time("dead_at", DeadAt(o, clock));
                break;
            case RemoveOutbox { Ids: var ids }:
                Add(batch, "DELETE FROM wsrm_outbox WHERE id = ANY(@ids)").Bigints("ids", ids);
                break;
            case SaveSourceSequence { Sequence: { Version: 0 } q }:
                Add(batch, InsertSource).Text("queue", q.Queue).Text("id", q.Id).Text("address", q.Address).Text("rm", q.RmNamespace)
                    .Bigint("last", q.LastNumber).ClockTime("created", q.Created, clock);
                break;
            case SaveSourceSequence { Sequence: var q }:
                Add(batch, UpdateSource).Text("queue", q.Queue).Bigint("version", q.Version).Text("id", q.Id).Text("address", q.Address)
                    .Text("rm", q.RmNamespace).Bigint("last", q.LastNumber);
                break;
            case DeleteSourceSequence { Queue: var queue, SequenceId: var id }:
                Add(batch, "DELETE FROM wsrm_source_sequences WHERE queue = @queue AND id = @id").Text("queue", queue).Text("id", id);
                break;
            default:
                throw new NotSupportedException($"The PostgreSQL store has no SQL for {operation.GetType().Name}.");
        }
    }

    private static DateTimeOffset? DeadAt(OutboxMessage o, PostgreSqlClock clock) => clock == PostgreSqlClock.Application ? o.DeadAt : null;

    private static NpgsqlParameterCollection Add(NpgsqlBatch batch, string sql)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        batch.BatchCommands.Add(command);
        return command.Parameters;
    }
}
