namespace WsRm.Server.Tests.Hosting;

/// <summary>A singleton that counts disposed <see cref="Counter"/> instances.</summary>
public sealed class CounterLog
{
    private int _disposed;

    public int DisposedCount => Volatile.Read(ref _disposed);

    public void Disposed() => Interlocked.Increment(ref _disposed);
}
