namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// Calls number 0 to count - 1, started in that order with at most <c>concurrency</c> in flight, each failure kept
/// (not thrown). <see cref="AfterAsync"/> completes when a number of calls have completed: the moment a test kills the
/// host, chosen by what the client saw, not by a clock; calls are in flight then.
/// </summary>
public sealed class CallStream
{
    private readonly List<(int Completed, TaskCompletionSource Reached)> _waiters = [];
    private readonly List<(int Index, Exception Error)> _failures = [];
    private readonly Func<int, Task> _call;
    private readonly long[] _completedAt;
    private int _started;
    private int _completed;

    private CallStream(int count, Func<int, Task> call)
    {
        _call = call;
        _completedAt = new long[count];
    }

    /// <summary>Completes when every call has completed (successfully or not).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Calls started so far.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Calls completed so far.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>The calls that failed, by index, with their exception.</summary>
    public IReadOnlyList<(int Index, Exception Error)> Failures
    {
        get
        {
            lock (_failures) return [.. _failures.OrderBy(f => f.Index)];
        }
    }

    /// <summary>Starts the calls on the thread pool.</summary>
    public static CallStream Start(int count, int concurrency, Func<int, Task> call)
    {
        var stream = new CallStream(count, call);
        stream.Completion = Task.Run(() => stream.RunAsync(count, concurrency));
        return stream;
    }

    /// <summary>Completes once <paramref name="completed"/> calls have completed.</summary>
    public Task AfterAsync(int completed)
    {
        lock (_waiters)
        {
            if (Completed >= completed) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((completed, reached));
            return reached.Task;
        }
    }

    /// <summary>The calls completed by now (successfully or not).</summary>
    public HashSet<int> CompletedNow() =>
        [.. Enumerable.Range(0, _completedAt.Length).Where(i => Volatile.Read(ref _completedAt[i]) != 0)];

    /// <summary>When call <paramref name="index"/> completed (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), or 0 if it has not.</summary>
    public long CompletedAt(int index) => Volatile.Read(ref _completedAt[index]);

    /// <summary>"3 of 360 failed: #17 TimeoutException: …" (the first few), or "none failed".</summary>
    public string DescribeFailures()
    {
        var failures = Failures;
        return failures.Count == 0
            ? "none failed"
            : $"{failures.Count} failed: " + string.Join("; ", failures.Take(5).Select(f => $"#{f.Index} {f.Error.GetType().Name}: {f.Error.Message}"));
    }

    private async Task RunAsync(int count, int concurrency)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var calls = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await gate.WaitAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _started);
            calls.Add(RunOneAsync(i, gate));
        }
        await Task.WhenAll(calls).ConfigureAwait(false);
    }

    private async Task RunOneAsync(int index, SemaphoreSlim gate)
    {
        await Task.Yield();
        try
        {
            await _call(index).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (_failures) _failures.Add((index, e));
        }
        finally
        {
            Volatile.Write(ref _completedAt[index], System.Diagnostics.Stopwatch.GetTimestamp());
            gate.Release();
            lock (_waiters)
            {
                var completed = Interlocked.Increment(ref _completed);
                foreach (var waiter in _waiters.Where(w => w.Completed <= completed).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Reached.TrySetResult();
                }
            }
        }
    }
}
