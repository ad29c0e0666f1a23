using System.ServiceModel;

namespace WsRm.Client;

/// <summary>
/// Opens a proxy's session once (explicitly or on the first call, as WCF proxies open themselves), and closes or
/// aborts it. Thread-safe.
/// </summary>
internal sealed class ChannelLifetime(Func<CancellationToken, Task<WsRmSession>> open)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WsRmSession? _session;
    private volatile CommunicationState _state = CommunicationState.Created;
    private volatile bool _aborted;

    public WsRmSession? Session => Volatile.Read(ref _session);

    public CommunicationState State
    {
        get
        {
            CommunicationState state = _state;
            return state == CommunicationState.Opened && Session is { IsFaulted: true } ? CommunicationState.Faulted : state;
        }
    }

    /// <summary>The open session, opening it first when needed.</summary>
    public async ValueTask<WsRmSession> GetSessionAsync(CancellationToken cancellationToken)
    {
        if (Session is { } session && _state == CommunicationState.Opened)
        {
            // As a WCF proxy: a call on a faulted channel fails before anything is sent.
            if (session.IsFaulted) throw NotUsable();
            return session;
        }
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        return Session!;
    }

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            switch (_state)
            {
                case CommunicationState.Opened: return;
                case CommunicationState.Created: break;
                default: throw NotUsable();
            }

            _state = CommunicationState.Opening;
            try
            {
                Volatile.Write(ref _session, await open(cancellationToken).ConfigureAwait(false));
                _state = CommunicationState.Opened;
            }
            catch
            {
                _state = CommunicationState.Faulted;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_state is CommunicationState.Closed) return;
            if (_state is CommunicationState.Created)
            {
                _state = CommunicationState.Closed;
                return;
            }

            if (_session is null || State != CommunicationState.Opened) throw NotUsable();

            _state = CommunicationState.Closing;
            try
            {
                await _session.CloseAsync(cancellationToken).ConfigureAwait(false);
                _state = CommunicationState.Closed;
            }
            catch
            {
                _session.Abort();
                _state = CommunicationState.Faulted;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Abort()
    {
        _aborted = true;
        Session?.Abort();
        _state = CommunicationState.Closed;
    }

    /// <summary>Closes gracefully when open and healthy, else aborts; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (State == CommunicationState.Opened)
        {
            try
            {
                await CloseAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // CloseAsync aborted the session already; disposing must not throw.
            }
        }

        if (Session is { } session) await session.DisposeAsync().ConfigureAwait(false);
        if (State != CommunicationState.Faulted) _state = CommunicationState.Closed;
    }

    private Exception NotUsable() => State == CommunicationState.Faulted
        ? new CommunicationObjectFaultedException("The reliable session of this channel is faulted; create a new channel.")
        : _aborted ? new CommunicationObjectAbortedException("The channel was aborted; create a new channel.")
        : new ObjectDisposedException(nameof(IWsRmChannel), "The channel is closed; create a new channel.");
}
