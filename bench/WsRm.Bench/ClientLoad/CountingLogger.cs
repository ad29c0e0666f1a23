using Microsoft.Extensions.Logging;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// The logger given to our sessions: counts the client's retransmission events (ids 103 Retransmitting, 104
/// RecoveringReply), masked transport failures (105), AckRequested sent alone (106) and session faults (102, 108), and keeps the first few texts.
/// </summary>
internal sealed class CountingLogger : ILogger
{
    private readonly List<string> _samples = [];
    private long _retransmissions;
    private long _transportFailures;
    private long _faults;
    private long _ackRequests;

    public long Retransmissions => Interlocked.Read(ref _retransmissions);

    public long TransportFailures => Interlocked.Read(ref _transportFailures);

    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>AckRequested messages sent on their own (keep-alive, or probing a destination whose buffer is full).</summary>
    public long AckRequests => Interlocked.Read(ref _ackRequests);

    public IReadOnlyList<string> Samples
    {
        get { lock (_samples) return [.. _samples]; }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        switch (eventId.Id)
        {
            case 103 or 104: Interlocked.Increment(ref _retransmissions); break;
            case 105: Interlocked.Increment(ref _transportFailures); break;
            case 102 or 108: Interlocked.Increment(ref _faults); break;
            case 106: Interlocked.Increment(ref _ackRequests); return;
            default: return;
        }
        lock (_samples)
        {
            if (_samples.Count < 5) _samples.Add(formatter(state, exception));
        }
    }
}
