using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

/// <summary>Writes each <see cref="StoreOperation"/> with SQLite's SQL. Returns false when the operation conflicts.</summary>
internal static class SqliteOperations
{
    private const string InsertSequence = """
        INSERT INTO wsrm_sequences (id, endpoint, rm_ns, soap_ns, wsa_ns, client_key, owner, create_message_id, ordered, status,
            received, last_number, last_named, reply_id, reply_last, created, last_activity, version)
        VALUES ($id, $endpoint, $rm, $soap, $wsa, $client, $owner, $create, $ordered, $status, $received, $last, $named,
            $reply, $replyLast, $created, $activity, 1)
        """;

    private const string UpdateSequence = """
        UPDATE wsrm_sequences SET status = $status, received = $received, last_number = $last, last_named = $named,
            reply_last = MAX(reply_last, $replyLast), last_activity = $activity, version = version + 1
        WHERE id = $id AND version = $version
        """;

    private const string InsertMessage = """
        INSERT INTO wsrm_messages (sequence_id, number, endpoint, action, envelope, received, state, attempts, cycles,
            not_before, lease_until, last_error, ordered)
        VALUES ($seq, $number, $endpoint, $action, $envelope, $received, $state, $attempts, $cycles, $notBefore, $lease, $error,
            (SELECT ordered FROM wsrm_sequences WHERE id = $seq))
        """;

    private const string UpdateMessageSql = """
        UPDATE wsrm_messages SET state = $state, attempts = $attempts, cycles = $cycles, not_before = $notBefore,
            lease_until = $lease, last_error = $error
        WHERE sequence_id = $seq AND number = $number
        """;

    private const string InsertReply = """
        INSERT INTO wsrm_replies (sequence_id, request_number, reply_number, action, body, is_fault, last_message)
        VALUES ($seq, $request, $reply, $action, $body, $fault, $last)
        """;

    private const string InsertOutbox = """
        INSERT INTO wsrm_outbox (queue, action, body, enqueued, expires_at, state, sequence_id, number, attempts, last_error,
            dead_reason, dead_at)
        VALUES ($queue, $action, $body, $enqueued, $expires, $state, $seq, $number, $attempts, $error, $dead, $deadAt)
        """;

    private const string UpdateOutboxSql = """
        UPDATE wsrm_outbox SET state = $state, sequence_id = $seq, number = $number, attempts = $attempts,
            last_error = $error, dead_reason = $dead, dead_at = $deadAt, expires_at = $expires
        WHERE id = $id
        """;

    private const string InsertSource = """
        INSERT INTO wsrm_source_sequences (queue, id, address, rm_ns, last_number, created, version)
        VALUES ($queue, $id, $address, $rm, $last, $created, 1)
        """;

    private const string UpdateSource = """
        UPDATE wsrm_source_sequences SET id = $id, address = $address, rm_ns = $rm, last_number = $last, version = version + 1
        WHERE queue = $queue AND version = $version
        """;

    public static async Task<bool> ApplyAsync(StoreOperation operation, SqliteCommands commands, SqliteTransaction transaction, CancellationToken ct)
    {
        switch (operation)
        {
            case SaveSequence { Sequence: var s }:
                if (s.Version == 0)
                    return await InsertAsync(commands.Get(InsertSequence, transaction).With("$id", s.Id).With("$endpoint", s.Endpoint)
                        .With("$rm", s.RmNamespace).With("$soap", s.SoapNamespace).With("$wsa", s.AddressingNamespace)
                        .With("$client", s.ClientKey).With("$owner", s.Owner).With("$create", s.CreateMessageId).With("$ordered", s.Ordered)
                        .With("$status", s.Status).With("$received", s.Received).With("$last", s.LastMessageNumber)
                        .With("$named", s.LastNamedBySource).With("$reply", s.ReplyId).With("$replyLast", s.ReplyLastNumber)
                        .With("$created", s.Created).With("$activity", s.LastActivity), ct).ConfigureAwait(false);
                return await ChangedAsync(commands.Get(UpdateSequence, transaction).With("$id", s.Id).With("$version", s.Version)
                    .With("$status", s.Status).With("$received", s.Received).With("$last", s.LastMessageNumber)
                    .With("$named", s.LastNamedBySource).With("$replyLast", s.ReplyLastNumber).With("$activity", s.LastActivity), ct).ConfigureAwait(false);
            case DeleteSequence { SequenceId: var id, KeepMessages: var keep }:
                await RunAsync(commands.Get(keep ? "UPDATE wsrm_messages SET state = 0 WHERE sequence_id = $id AND state = 5"
                    : "DELETE FROM wsrm_messages WHERE sequence_id = $id", transaction).With("$id", id), ct).ConfigureAwait(false);
                await RunAsync(commands.Get("DELETE FROM wsrm_replies WHERE sequence_id = $id", transaction).With("$id", id), ct).ConfigureAwait(false);
                await RunAsync(commands.Get("DELETE FROM wsrm_sequences WHERE id = $id", transaction).With("$id", id), ct).ConfigureAwait(false);
                return true;
            case AddMessage { Message: var m }:
                return await InsertAsync(commands.Get(InsertMessage, transaction).With("$seq", m.SequenceId).With("$number", m.Number)
                    .With("$endpoint", m.Endpoint).With("$action", m.Action).With("$envelope", m.Envelope).With("$received", m.Received)
                    .With("$state", m.State).With("$attempts", m.Attempts).With("$cycles", m.Cycles).With("$notBefore", m.NotBefore)
                    .With("$lease", m.LeaseUntil).With("$error", m.LastError), ct).ConfigureAwait(false);
            case UpdateMessage { Message: var m }:
                await RunAsync(commands.Get(UpdateMessageSql, transaction).With("$seq", m.SequenceId).With("$number", m.Number)
                    .With("$state", m.State).With("$attempts", m.Attempts).With("$cycles", m.Cycles).With("$notBefore", m.NotBefore)
                    .With("$lease", m.LeaseUntil).With("$error", m.LastError), ct).ConfigureAwait(false);
                return true;
            case ReleaseWaiting { SequenceId: var id, UpTo: var upTo }:
                await RunAsync(commands.Get("UPDATE wsrm_messages SET state = 0 WHERE sequence_id = $seq AND state = 5 AND number <= $upTo", transaction)
                    .With("$seq", id).With("$upTo", upTo), ct).ConfigureAwait(false);
                return true;
            case RemoveMessage { SequenceId: var id, Number: var number }:
                await RunAsync(commands.Get("DELETE FROM wsrm_messages WHERE sequence_id = $seq AND number = $number", transaction)
                    .With("$seq", id).With("$number", number), ct).ConfigureAwait(false);
                return true;
            case AddReply { Reply: var r }:
                return await InsertAsync(commands.Get(InsertReply, transaction).With("$seq", r.SequenceId).With("$request", r.RequestNumber)
                    .With("$reply", r.ReplyNumber).With("$action", r.Action).With("$body", r.Body).With("$fault", r.IsFault)
                    .With("$last", r.LastMessage), ct).ConfigureAwait(false);
            case NoteReplyNumber { SequenceId: var id, Number: var number }:
                await RunAsync(commands.Get("UPDATE wsrm_sequences SET reply_last = MAX(reply_last, $n) WHERE id = $seq", transaction)
                    .With("$seq", id).With("$n", number), ct).ConfigureAwait(false);
                return true;
            case RemoveReplies { SequenceId: var id, Acknowledged: var ranges }:
                foreach (var (lower, upper) in ranges)
                    await RunAsync(commands.Get("DELETE FROM wsrm_replies WHERE sequence_id = $seq AND reply_number BETWEEN $lower AND $upper", transaction)
                        .With("$seq", id).With("$lower", lower).With("$upper", upper), ct).ConfigureAwait(false);
                return true;
            case Enqueue { Message: var o }:
                await RunAsync(commands.Get(InsertOutbox, transaction).With("$queue", o.Queue).With("$action", o.Action).With("$body", o.Body)
                    .With("$enqueued", o.Enqueued).With("$expires", o.ExpiresAt).With("$state", o.State).With("$seq", o.SequenceId)
                    .With("$number", o.Number).With("$attempts", o.Attempts).With("$error", o.LastError).With("$dead", o.DeadReason)
                    .With("$deadAt", o.DeadAt), ct).ConfigureAwait(false);
                return true;
            case UpdateOutbox { Message: var o }:
                await RunAsync(commands.Get(UpdateOutboxSql, transaction).With("$id", o.Id).With("$state", o.State).With("$seq", o.SequenceId)
                    .With("$number", o.Number).With("$attempts", o.Attempts).With("$error", o.LastError).With("$dead", o.DeadReason)
                    .With("$deadAt", o.DeadAt).With("$expires", o.ExpiresAt), ct).ConfigureAwait(false);
                return true;
            case RemoveOutbox { Ids: var ids }:
                foreach (var id in ids)
                    await RunAsync(commands.Get("DELETE FROM wsrm_outbox WHERE id = $id", transaction).With("$id", id), ct).ConfigureAwait(false);
                return true;
            case SaveSourceSequence { Sequence: var q }:
                if (q.Version == 0)
                    return await InsertAsync(commands.Get(InsertSource, transaction).With("$queue", q.Queue).With("$id", q.Id)
                        .With("$address", q.Address).With("$rm", q.RmNamespace).With("$last", q.LastNumber).With("$created", q.Created), ct).ConfigureAwait(false);
                return await ChangedAsync(commands.Get(UpdateSource, transaction).With("$queue", q.Queue).With("$version", q.Version)
                    .With("$id", q.Id).With("$address", q.Address).With("$rm", q.RmNamespace).With("$last", q.LastNumber), ct).ConfigureAwait(false);
            case DeleteSourceSequence { Queue: var queue, SequenceId: var id }:
                await RunAsync(commands.Get("DELETE FROM wsrm_source_sequences WHERE queue = $queue AND id = $id", transaction)
                    .With("$queue", queue).With("$id", id), ct).ConfigureAwait(false);
                return true;
            default:
                throw new NotSupportedException($"The SQLite store has no SQL for {operation.GetType().Name}.");
        }
    }

    private static async Task RunAsync(SqliteCommand command, CancellationToken ct) =>
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);

    private static async Task<bool> ChangedAsync(SqliteCommand command, CancellationToken ct) =>
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;

    // An insert whose key exists already is a conflict (another writer got there first), not an error.
    private static async Task<bool> InsertAsync(SqliteCommand command, CancellationToken ct)
    {
        try
        {
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            return false;
        }
    }
}
