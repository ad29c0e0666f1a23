using WsRm.Protocol.Contracts;
namespace WsRm.Server.Dispatch;

/// <summary>
/// Turns the four awaitable return shapes into <c>ValueTask&lt;object?&gt;</c>, without allocating when the method
/// completed synchronously.
/// </summary>
internal static class TaskAdapters
{
    /// <summary>Adapts a <see cref="Task"/>; the result is null.</summary>
    public static ValueTask<object?> FromTask(Task task)
        => NotNull(task).IsCompletedSuccessfully ? default : AwaitAsync(task);

    /// <summary>Adapts a <see cref="Task{TResult}"/>.</summary>
    public static ValueTask<object?> FromTaskOfT<T>(Task<T> task)
        => NotNull(task).IsCompletedSuccessfully ? new(task.Result) : AwaitAsync(task);

    /// <summary>Adapts a <see cref="ValueTask"/>; the result is null.</summary>
    public static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully) return AwaitAsync(task);

        // Still observe the result: a pooled IValueTaskSource is recycled only then.
        task.GetAwaiter().GetResult();
        return default;
    }

    /// <summary>Adapts a <see cref="ValueTask{TResult}"/>.</summary>
    public static ValueTask<object?> FromValueTaskOfT<T>(ValueTask<T> task)
        => task.IsCompletedSuccessfully ? new(task.Result) : AwaitAsync(task);

    private static T NotNull<T>(T? task) where T : Task
        => task ?? throw new InvalidOperationException("The service operation returned a null Task.");

    private static async ValueTask<object?> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitAsync<T>(Task<T> task) => await task.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitAsync(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitAsync<T>(ValueTask<T> task) => await task.ConfigureAwait(false);
}
