using Microsoft.Extensions.Logging;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Every category into one <see cref="RecordingLogger"/>, to print what a queue did when a test fails.</summary>
internal sealed class RecordingLoggerProvider(RecordingLogger logger) : ILoggerProvider
{
    public static (ILoggerFactory Factory, RecordingLogger Logger) Create()
    {
        var logger = new RecordingLogger(TimeProvider.System);
        return (LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new RecordingLoggerProvider(logger))), logger);
    }

    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
