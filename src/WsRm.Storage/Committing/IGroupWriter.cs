namespace WsRm.Storage.Committing;

/// <summary>What a provider does for <see cref="GroupCommitter"/>: write batches in one transaction.</summary>
internal interface IGroupWriter
{
    /// <summary>The provider's name, for metrics.</summary>
    string Provider { get; }

    /// <summary>
    /// Writes <paramref name="batches"/> in order in one transaction and commits, unless one of them fails its version
    /// check or inserts a row that exists: then rolls back everything and returns that batch's index. Returns -1 when
    /// all committed. Throws on database errors (nothing committed).
    /// </summary>
    Task<int> WriteAsync(IReadOnlyList<StoreBatch> batches, CancellationToken cancellationToken);
}
