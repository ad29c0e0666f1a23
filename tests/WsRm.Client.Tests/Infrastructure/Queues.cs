using WsRm.Storage;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Options and store look-ups for the queued-client tests.</summary>
internal static class Queues
{
    /// <summary>Quick retries, so a destination that comes back is found within about a second.</summary>
    public static WsRmQueuedClientOptions Options(Uri address, Uri? via = null) => new()
    {
        Address = address,
        Via = via,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        PollInterval = TimeSpan.FromMilliseconds(200),
        MaxRetryCount = 3,
        InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>The messages waiting in the queue (pending), oldest first.</summary>
    public static Task<IReadOnlyList<OutboxMessage>> PendingAsync(IWsRmStore store, string queue) => store.ReadOutboxAsync(queue, 100_000);

    /// <summary>The queue's dead letters, oldest first.</summary>
    public static Task<IReadOnlyList<OutboxMessage>> DeadAsync(IWsRmStore store, string queue) => store.Admin.ListDeadLettersAsync(queue, 100_000);

    /// <summary>The text posted by a stored IQueuedEcho.Post body.</summary>
    public static string Text(OutboxMessage message)
    {
        var xml = System.Text.Encoding.UTF8.GetString(message.Body);
        var start = xml.IndexOf("<text", StringComparison.Ordinal);
        start = xml.IndexOf('>', start) + 1;
        return xml[start..xml.IndexOf("</", start, StringComparison.Ordinal)];
    }
}
