using System.Linq.Expressions;
using System.Reflection;
using WsRm.Protocol.Contracts;

namespace WsRm.Server.Dispatch;

/// <summary>
/// Compiles a call to a contract method into a delegate taking the instance and the argument array and returning the
/// result as <c>ValueTask&lt;object?&gt;</c>, so a request costs one delegate call and no reflection. Exceptions from
/// the method surface as thrown, not wrapped in TargetInvocationException.
/// </summary>
internal static class OperationInvoker
{
    /// <summary>Builds the call; a null argument for a value-type parameter becomes that type's default.</summary>
    public static Func<object, object?[], ValueTask<object?>> Compile(MethodInfo method, ReturnKind kind)
    {
        ParameterExpression instance = Expression.Parameter(typeof(object), "instance");
        ParameterExpression arguments = Expression.Parameter(typeof(object?[]), "arguments");
        Expression[] values = method.GetParameters()
            .Select((p, i) => Argument(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType))
            .ToArray();
        Expression call = Expression.Call(Expression.Convert(instance, method.DeclaringType!), method, values);

        Expression body = kind switch
        {
            ReturnKind.Void => Expression.Block(call, Expression.Default(typeof(ValueTask<object?>))),
            ReturnKind.Value => Expression.New(
                typeof(ValueTask<object?>).GetConstructor([typeof(object)])!, Expression.Convert(call, typeof(object))),
            ReturnKind.Task => Expression.Call(Adapter(nameof(TaskAdapters.FromTask)), call),
            ReturnKind.ValueTask => Expression.Call(Adapter(nameof(TaskAdapters.FromValueTask)), call),
            ReturnKind.TaskOfT => Expression.Call(Generic(nameof(TaskAdapters.FromTaskOfT), method.ReturnType), call),
            _ => Expression.Call(Generic(nameof(TaskAdapters.FromValueTaskOfT), method.ReturnType), call),
        };
        return Expression.Lambda<Func<object, object?[], ValueTask<object?>>>(body, instance, arguments).Compile();
    }

    private static Expression Argument(Expression item, Type type)
    {
        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null) return Expression.Convert(item, type);

        // WCF tolerance: a parameter missing from the request gets its default value, also for value types.
        return Expression.Condition(
            Expression.Equal(item, Expression.Constant(null)), Expression.Default(type), Expression.Convert(item, type));
    }

    private static MethodInfo Adapter(string name) => typeof(TaskAdapters).GetMethod(name)!;

    private static MethodInfo Generic(string name, Type taskType)
        => Adapter(name).MakeGenericMethod(taskType.GenericTypeArguments[0]);
}
