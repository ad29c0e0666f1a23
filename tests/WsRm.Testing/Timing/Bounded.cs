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
}
