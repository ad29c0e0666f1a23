namespace WsRm.Protocol.Contracts;

/// <summary>How a service method hands back its result. Synchronous kinds come first: code compares against <see cref="Value"/>.</summary>
internal enum ReturnKind
{
    /// <summary><c>void</c>.</summary>
    Void,

    /// <summary>A plain value.</summary>
    Value,

    /// <summary><see cref="System.Threading.Tasks.Task"/>.</summary>
    Task,

    /// <summary><see cref="Task{TResult}"/>.</summary>
    TaskOfT,

    /// <summary><see cref="System.Threading.Tasks.ValueTask"/>.</summary>
    ValueTask,

    /// <summary><see cref="ValueTask{TResult}"/>.</summary>
    ValueTaskOfT,
}
