namespace WsRm.Server.Tests.Hosting;

/// <summary>Counts calls on one instance; reports its disposal to <see cref="CounterLog"/>.</summary>
public sealed class Counter(CounterLog log) : ICounter, IDisposable
{
    private int _count;

    public int Increment() => Interlocked.Increment(ref _count);

    public void Dispose() => log.Disposed();
}
