using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using WsRm.Client;

namespace WsRm.Samples.QueuedSender;

/// <summary>
/// The generic host of the sender, as an application would register a queued client: the store
/// (<c>AddWsRmSqliteStore</c> or <c>AddWsRmPostgreSqlStore</c>) and <c>AddWsRmQueuedClient&lt;IPostQueue&gt;</c>, whose
/// forwarder runs while the host runs. Logs go to standard error (warnings, or information with <c>--verbose</c>), so
/// standard output carries only the program's own lines.
/// </summary>
internal static class SenderHost
{
    public static IHost Build(SenderSettings settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (settings.Verbose) builder.Logging.AddFilter("WsRm", LogLevel.Information);

        if (settings.Provider == "PostgreSql")
            builder.Services.AddWsRmPostgreSqlStore(o => o.ConnectionString = settings.ConnectionString);
        else
            builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = settings.ConnectionString);

        builder.Services.AddWsRmQueuedClient<IPostQueue>(o =>
        {
            o.Address = settings.To;
            o.TimeToLive = settings.TimeToLive;
            o.MaxRetryDelay = settings.MaxRetryDelay;
            if (o.RetryDelay > settings.MaxRetryDelay) o.RetryDelay = settings.MaxRetryDelay;
        });
        return builder.Build();
    }

    /// <summary>The queued client's factory (its forwarder runs while the host runs).</summary>
    public static WsRmQueuedChannelFactory<IPostQueue> Factory(this IHost host) =>
        host.Services.GetRequiredService<WsRmQueuedChannelFactory<IPostQueue>>();
}
