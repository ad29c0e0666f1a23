using System.Collections.Concurrent;
using WsRm.Host.Services;

namespace WsRm.Server.Tests.Queues;

/// <summary>
/// What the queued test service saw: every attempt per text, the texts it processed in order, and a gate that holds
/// every call while closed. Posts whose text starts with "bad" throw; one starting with "unavailable" meets a store failure on its first attempt.
/// </summary>
public sealed class FlakyQueue
{
    private readonly Lock _lock = new();
    private readonly List<string> _processed = [];
    private TaskCompletionSource _open = Opened();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public string[] Processed
    {
        get { lock (_lock) return [.. _processed]; }
    }

    public void Close()
    {
        lock (_lock) if (_open.Task.IsCompleted) _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Open()
    {
        lock (_lock) _open.TrySetResult();
    }

    public void Run(string text)
    {
        Task open;
        lock (_lock) open = _open.Task;
        open.Wait(TimeSpan.FromSeconds(30));
        Attempts.AddOrUpdate(text, 1, (_, n) => n + 1);
        // The store failing under the service (what WsRmTransaction throws when it cannot begin), on the first attempt.
        if (text.StartsWith("unavailable", StringComparison.Ordinal) && Attempts[text] == 1)
        {
            Changed();
            throw new WsRm.Storage.StoreUnavailableException("The store is unavailable on purpose: " + text);
        }
        if (text.StartsWith("bad", StringComparison.Ordinal))
        {
            Changed();
            throw new InvalidOperationException("Refused on purpose: " + text);
        }
        lock (_lock) _processed.Add(text);
        Changed();
    }

    /// <summary>Waits, bounded, until <paramref name="condition"/> holds; woken by every attempt, not by polling.</summary>
    public async Task WaitUntilAsync(Func<FlakyQueue, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_lock) changed = _changed.Task;
            if (condition(this)) return;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"Never held. Processed: {string.Join(", ", Processed)}; attempts: {string.Join(", ", Attempts.Select(a => $"{a.Key}={a.Value}"))}");
            try
            {
                await changed.WaitAsync(left);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>True when <paramref name="condition"/> holds within <paramref name="wait"/> of real time.</summary>
    public async Task<bool> HoldsWithinAsync(Func<FlakyQueue, bool> condition, TimeSpan wait)
    {
        try
        {
            await WaitUntilAsync(condition, wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Changed()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    private static TaskCompletionSource Opened()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }
}

/// <summary>The sample queued contract on <see cref="FlakyQueue"/>.</summary>
public sealed class FlakyPostQueue(FlakyQueue queue) : IPostQueue
{
    public void Post(string text) => queue.Run(text);
}
