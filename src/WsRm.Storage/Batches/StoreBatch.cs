namespace WsRm.Storage;

/// <summary>
/// Changes that commit together or not at all. Batches submitted to <see cref="IWsRmStore.CommitAsync"/> at the same
/// time share one transaction and one flush (group commit), each still all or nothing: one whose version check fails
/// is left out and reported as a conflict, the others commit.
/// </summary>
public sealed class StoreBatch
{
    private readonly List<StoreOperation> _operations = [];

    /// <summary>The changes, in the order they are applied.</summary>
    public IReadOnlyList<StoreOperation> Operations => _operations;

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => _operations.Count == 0;

    /// <summary>Adds a change.</summary>
    public StoreBatch Add(StoreOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _operations.Add(operation);
        return this;
    }

    /// <summary>A batch of the given changes.</summary>
    public static StoreBatch Of(params StoreOperation[] operations)
    {
        var batch = new StoreBatch();
        foreach (var operation in operations) batch.Add(operation);
        return batch;
    }
}
