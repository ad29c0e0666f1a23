namespace WsRm.Client;

/// <summary>
/// Turns the untyped result of a call into what the contract method returns (<c>Task&lt;T&gt;</c>,
/// <c>ValueTask&lt;T&gt;</c>); a missing result becomes <c>default(T)</c>, as in WCF.
/// </summary>
internal static class ResultAdapters
{
    /// <summary>Builds the converter for a method returning <c>Task&lt;<paramref name="resultType"/>&gt;</c>.</summary>
    public static Func<Task<object?>, object> ForTask(Type resultType) => Bind(nameof(ToTask), resultType);

    /// <summary>Builds the converter for a method returning <c>ValueTask&lt;<paramref name="resultType"/>&gt;</c>.</summary>
    public static Func<Task<object?>, object> ForValueTask(Type resultType) => Bind(nameof(ToValueTask), resultType);

    /// <summary>The value a synchronous method returns when the reply had no result: null, or a value type's default.</summary>
    public static object? DefaultOf(Type type) => type.IsValueType && type != typeof(void) ? Activator.CreateInstance(type) : null;

    private static Func<Task<object?>, object> Bind(string method, Type resultType)
        => typeof(ResultAdapters).GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(resultType)
            .CreateDelegate<Func<Task<object?>, object>>();

    private static object ToTask<T>(Task<object?> call) => Cast<T>(call);

    private static object ToValueTask<T>(Task<object?> call) => new ValueTask<T>(Cast<T>(call));

    private static async Task<T> Cast<T>(Task<object?> call) => await call.ConfigureAwait(false) is T value ? value : default!;
}
