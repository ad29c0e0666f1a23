using WsRm.Server.Hosting;
using WsRm.Server.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// The live part of one sequence next to its stored <see cref="SequenceRecord"/>: the lock that serialises its state
/// changes, the requests waiting for their turn, and the per-session service instance.
/// </summary>
internal sealed class ServerSession(SequenceRecord record, ServiceEndpoint endpoint)
{
    private ServiceInstanceLease? _instance;

    public SequenceRecord Record { get; } = record;
    public ServiceEndpoint Endpoint { get; } = endpoint;
    public string Id => Record.Id;

    /// <summary>Guards <see cref="Record"/> and <see cref="Pending"/>; never held across an await.</summary>
    public Lock Sync { get; } = new();

    /// <summary>Accepted messages not yet answered, by number.</summary>
    public Dictionary<ulong, PendingDelivery> Pending { get; } = [];

    /// <summary>One call at a time on the session's instance, as WCF's ConcurrencyMode.Single.</summary>
    public SemaphoreSlim DispatchGate { get; } = new(1, 1);

    public bool Ended { get; private set; }

    /// <summary>The instance calls run on: the session's own per session, else the endpoint's; call <see cref="ReleaseCallInstance"/> after.</summary>
    public ServiceInstanceLease AcquireInstance()
    {
        if (Endpoint.InstanceMode != ServiceInstanceMode.PerSession) return Endpoint.AcquireCallInstance();
        lock (Sync) return _instance ??= Endpoint.CreateScoped();
    }

    public ValueTask ReleaseCallInstance(ServiceInstanceLease lease) =>
        Endpoint.InstanceMode == ServiceInstanceMode.PerSession ? ValueTask.CompletedTask : Endpoint.ReleaseCallInstance(lease);

    /// <summary>Ends the session: fails waiting requests and disposes the session instance. Idempotent.</summary>
    public async ValueTask EndAsync(SequenceEndedException reason)
    {
        ServiceInstanceLease? instance;
        PendingDelivery[] waiting;
        lock (Sync)
        {
            if (Ended) return;
            Ended = true;
            Record.Destination.Terminate();
            waiting = [.. Pending.Values];
            Pending.Clear();
            instance = _instance;
            _instance = null;
        }
        foreach (var p in waiting) p.Fail(reason);
        if (instance is not null) await instance.DisposeAsync().ConfigureAwait(false);
    }
}
