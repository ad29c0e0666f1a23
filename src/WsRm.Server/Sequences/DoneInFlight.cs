using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// Delivered one-way messages whose "done" marks are being committed, as one batch, while the delivery loop goes on;
/// they stay in the session's buffer (for eviction and retransmissions) until the commit is in.
/// </summary>
internal sealed record DoneInFlight(IReadOnlyList<PendingDelivery> Delivered, Task<CommitResult> Commit);
