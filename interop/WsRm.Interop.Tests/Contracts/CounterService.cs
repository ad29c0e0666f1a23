namespace WsRm.Interop.Tests.Contracts;

/// <summary>Counts calls in a field, so per-session instancing is visible on the wire.</summary>
public sealed class CounterService : ICounterService
{
    private int _count;

    /// <inheritdoc />
    public int Next() => Interlocked.Increment(ref _count);
}
