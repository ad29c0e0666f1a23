using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Keeps the last log lines in memory, to print when a test fails.</summary>
internal sealed class RecordingLogger(TimeProvider time) : ILogger
{
    private const int Capacity = 2000;
    private readonly ConcurrentQueue<string> _lines = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _lines.Enqueue($"{time.GetUtcNow():HH:mm:ss.fff} {logLevel} {formatter(state, exception)}");
        while (_lines.Count > Capacity) _lines.TryDequeue(out _);
    }

    public string Dump() => string.Join(Environment.NewLine, _lines);
}
