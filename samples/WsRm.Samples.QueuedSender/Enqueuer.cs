using System.Diagnostics;
using WsRm.Client;

namespace WsRm.Samples.QueuedSender;

/// <summary>Posts the texts through the queued channel: each call returns once its message is committed to the queue.</summary>
internal static class Enqueuer
{
    private static readonly TimeSpan LineEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Posts texts 0..Count-1, at most <see cref="SenderSettings.Rate"/> a second, telling <paramref name="committed"/>
    /// how many are committed after each one.
    /// </summary>
    public static async Task RunAsync(WsRmQueuedChannelFactory<IPostQueue> factory, SenderSettings settings, Action<int>? committed, CancellationToken cancellationToken)
    {
        var channel = factory.CreateChannel();
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        var lastLine = started;
        for (var i = 1; i <= settings.Count; i++)
        {
            if (settings.Rate > 0)
            {
                var due = TimeSpan.FromSeconds((i - 1) / settings.Rate) - time.GetElapsedTime(started);
                if (due > TimeSpan.Zero) await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            channel.Post(settings.Text(i - 1)); // returns once the message is committed (or throws: not queued)
            committed?.Invoke(i);
            if (i % 100 == 0 || i == settings.Count || time.GetElapsedTime(lastLine) >= LineEvery)
            {
                Console.WriteLine($"enqueued {i} of {settings.Count}");
                lastLine = time.GetTimestamp();
            }
        }
        Console.WriteLine($"committed {settings.Count} message(s) {settings.Text(0)}..{settings.Text(settings.Count - 1)} to queue {factory.QueueName}");
    }
}
