namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Every await in these tests is bounded.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Short = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    public static Task Within(this Task task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Long);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Long);

    public static async Task Within(this ValueTask task, TimeSpan? limit = null) => await task.AsTask().WaitAsync(limit ?? Long);
}
