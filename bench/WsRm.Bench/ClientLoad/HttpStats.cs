namespace WsRm.Bench.ClientLoad;

/// <summary>HTTP exchanges a client made, counted by <see cref="CountingHandler"/>. Thread-safe.</summary>
internal sealed class HttpStats
{
    private long _requests;
    private long _ok;
    private long _accepted;
    private long _serverFault;
    private long _unavailable;
    private long _other;
    private long _errors;

    public void Request() => Interlocked.Increment(ref _requests);

    public void Error() => Interlocked.Increment(ref _errors);

    public void Status(int status)
    {
        switch (status)
        {
            case 200: Interlocked.Increment(ref _ok); break;
            case 202: Interlocked.Increment(ref _accepted); break;
            case 500: Interlocked.Increment(ref _serverFault); break;
            case 503: Interlocked.Increment(ref _unavailable); break;
            default: Interlocked.Increment(ref _other); break;
        }
    }

    public HttpSnapshot Snapshot() => new(
        Interlocked.Read(ref _requests), Interlocked.Read(ref _ok) + Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _serverFault), Interlocked.Read(ref _unavailable), Interlocked.Read(ref _other), Interlocked.Read(ref _errors));
}
