namespace WsRm.Testing;

/// <summary>
/// Every await in the tests is bounded. These are guards against a hang, not measurements: they are generous enough
/// for a loaded 2-core machine, so a test that passes them proves nothing about speed.
/// </summary>
public static class Bounded
{
    /// <summary>For a step expected to take milliseconds (10 s).</summary>
    public static readonly TimeSpan Short = TimeSpan.FromSeconds(10);

    /// <summary>The default: for a whole exchange or workload (30 s).</summary>
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    public static Task Within(this Task task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Long);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Long);

    public static Task Within(this ValueTask task, TimeSpan? limit = null) => task.AsTask().WaitAsync(limit ?? Long);

    public static Task<T> Within<T>(this ValueTask<T> task, TimeSpan? limit = null) => task.AsTask().WaitAsync(limit ?? Long);

    /// <summary>
    /// As <see cref="Within(Task, TimeSpan?)"/>, but a timeout says what was awaited and what the test saw by then
    /// (<paramref name="describe"/> is called only then): a bare "The operation has timed out" explains nothing.
    /// </summary>
    public static async Task Within(this Task task, TimeSpan limit, Func<string> describe)
    {
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Not done within {limit.TotalSeconds:0} s: {describe()}", e);
        }
    }
}
