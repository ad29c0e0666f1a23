using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// Waits for one of the server's counters (meter WsRm.Server) to be added to, in one host only: the event a test needs
/// ("the duplicate has arrived") instead of a sleep that hopes it has.
/// </summary>
internal sealed class ServerCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="host">The host whose counter counts (its <see cref="IMeterFactory"/> scopes the meter).</param>
    /// <param name="instrument">The counter's name, e.g. <c>wsrm.messages.duplicate</c>.</param>
    public ServerCounter(EchoHost host, string instrument)
    {
        var scope = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == WsRmServerDiagnostics.MeterName && ReferenceEquals(i.Meter.Scope, scope) && i.Name == instrument) l.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (value > 0) _added.TrySetResult();
        });
        _listener.Start();
    }

    /// <summary>Completes at the first addition after this object was made.</summary>
    public Task Added => _added.Task;

    public void Dispose() => _listener.Dispose();
}
