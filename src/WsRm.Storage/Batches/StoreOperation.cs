namespace WsRm.Storage;

/// <summary>One change in a <see cref="StoreBatch"/>; each provider writes each kind with its own SQL.</summary>
public abstract record StoreOperation;

/// <summary>Inserts the sequence (<see cref="StoredSequence.Version"/> 0) or updates it from that version; a conflict otherwise.</summary>
public sealed record SaveSequence(StoredSequence Sequence) : StoreOperation;

/// <summary>
/// Deletes a sequence with its kept replies (terminated, expired, faulted), and its messages unless
/// <paramref name="KeepMessages"/>: a target queue's messages were handed over when they were acknowledged and outlive
/// the sequence that brought them; those waiting behind a gap that can no longer be filled become ready (WS-RM 1.1's
/// default <c>IncompleteSequenceBehavior</c>, NoDiscard).
/// </summary>
public sealed record DeleteSequence(string SequenceId, bool KeepMessages = false) : StoreOperation;

/// <summary>Inserts an accepted message; a message already there is a conflict.</summary>
public sealed record AddMessage(StoredMessage Message) : StoreOperation;

/// <summary>Rewrites a message's state, attempts, cycles, not-before, lease and last error.</summary>
public sealed record UpdateMessage(StoredMessage Message) : StoreOperation;

/// <summary>Makes the waiting messages of a sequence up to <paramref name="UpTo"/> ready: the gap before them was filled.</summary>
public sealed record ReleaseWaiting(string SequenceId, ulong UpTo) : StoreOperation;

/// <summary>Deletes a message: done (delivered), or dropped.</summary>
public sealed record RemoveMessage(string SequenceId, ulong Number) : StoreOperation;

/// <summary>Inserts a reply kept on the reply sequence.</summary>
public sealed record AddReply(StoredReply Reply) : StoreOperation;

/// <summary>
/// Records that reply number <paramref name="Number"/> was given on the sequence's reply sequence: raises its last
/// reply number, never lowers it, without a version check (replies are numbered by one delivery at a time, and this
/// may commit in a service's own transaction beside the group commits).
/// </summary>
public sealed record NoteReplyNumber(string SequenceId, ulong Number) : StoreOperation;

/// <summary>Deletes kept replies whose reply numbers the source acknowledged (ranges of reply numbers, inclusive).</summary>
public sealed record RemoveReplies(string SequenceId, IReadOnlyList<(ulong Lower, ulong Upper)> Acknowledged) : StoreOperation;

/// <summary>Inserts a message into a transmission queue; the database assigns its id.</summary>
public sealed record Enqueue(OutboxMessage Message) : StoreOperation;

/// <summary>Rewrites a queued message's state, sequence, number, attempts, last error and dead-letter fields.</summary>
public sealed record UpdateOutbox(OutboxMessage Message) : StoreOperation;

/// <summary>Deletes queued messages (acknowledged, or purged).</summary>
public sealed record RemoveOutbox(IReadOnlyList<long> Ids) : StoreOperation;

/// <summary>Inserts a transmission queue's source sequence (version 0) or updates it from that version; a conflict otherwise.</summary>
public sealed record SaveSourceSequence(StoredSourceSequence Sequence) : StoreOperation;

/// <summary>Forgets a transmission queue's source sequence (terminated, or refused by the destination).</summary>
public sealed record DeleteSourceSequence(string Queue, string SequenceId) : StoreOperation;
