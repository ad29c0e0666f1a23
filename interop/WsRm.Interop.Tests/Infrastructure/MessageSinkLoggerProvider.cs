using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// Sends server log entries to xunit's diagnostic messages (shown with <c>diagnosticMessages</c> enabled or
/// <c>--logger "console;verbosity=detailed"</c>), so a failing interop run shows what the server complained about.
/// </summary>
internal sealed class MessageSinkLoggerProvider(IMessageSink sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new SinkLogger(sink, categoryName);

    public void Dispose()
    {
    }

    private sealed class SinkLogger(IMessageSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = $"[{logLevel}] {category}[{eventId.Id}]: {formatter(state, exception)}";
            if (exception is not null) text += Environment.NewLine + exception;
            sink.OnMessage(new DiagnosticMessage(text));
        }
    }
}
