using Microsoft.Extensions.Logging;

namespace WsRm.Bench.ClientLoad;

/// <summary>Hands the one <see cref="CountingLogger"/> to every session a WsRmChannelFactory opens.</summary>
internal sealed class CountingLoggerFactory(CountingLogger logger) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }
}
