namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Runs an action when disposed (printing a log at the end of a test, pass or fail).</summary>
internal sealed class OnDispose(Action action) : IDisposable
{
    public void Dispose() => action();
}
