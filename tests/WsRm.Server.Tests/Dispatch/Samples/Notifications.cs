using System.Collections.Concurrent;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>Implements <see cref="INotifications"/>.</summary>
public sealed class Notifications : INotifications
{
    public ConcurrentQueue<string> Received { get; } = new();

    public void Notify(string text) => Received.Enqueue(text);

    public async Task NotifyLaterAsync(string text)
    {
        await Task.Yield();
        Received.Enqueue("later:" + text);
    }
}
