namespace WsRm.Storage.Committing;

/// <summary>A batch waiting for the writer, and its caller waiting for the outcome.</summary>
internal sealed class PendingCommit(StoreBatch batch)
{
    public StoreBatch Batch { get; } = batch;

    public TaskCompletionSource<CommitResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
