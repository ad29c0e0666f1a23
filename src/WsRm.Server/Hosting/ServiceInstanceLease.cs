using Microsoft.Extensions.DependencyInjection;

namespace WsRm.Server.Hosting;

/// <summary>A service instance and the DI scope it was created in; disposing ends both (unless it is the endpoint's single instance).</summary>
internal sealed class ServiceInstanceLease(object instance, IServiceScope? scope) : IAsyncDisposable
{
    public object Instance { get; } = instance;

    public async ValueTask DisposeAsync()
    {
        if (scope is null) return;
        switch (Instance)
        {
            case IAsyncDisposable a: await a.DisposeAsync().ConfigureAwait(false); break;
            case IDisposable d: d.Dispose(); break;
        }
        if (scope is IAsyncDisposable s) await s.DisposeAsync().ConfigureAwait(false);
        else scope.Dispose();
    }
}
