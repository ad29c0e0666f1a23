using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// A delivered one-way message whose "done" mark is being committed while the delivery loop goes on to the next
/// message; it stays in the session's buffer (for eviction and retransmissions) until the commit is in.
/// </summary>
internal readonly record struct DoneInFlight(PendingDelivery Pending, Task<CommitResult> Commit);
