using System.ServiceModel;

namespace WsRm.Client;

/// <summary>
/// The session behind a typed proxy from <see cref="WsRmChannelFactory{TContract}"/>. Every proxy implements it: cast
/// the proxy, as WCF users cast to <c>IClientChannel</c>.
/// </summary>
public interface IWsRmChannel : IAsyncDisposable, IDisposable
{
    /// <summary>Where the channel is in its life; <see cref="CommunicationState.Faulted"/> once the session failed.</summary>
    CommunicationState State { get; }

    /// <summary>The open session, or null before the channel opened.</summary>
    WsRmSession? Session { get; }

    /// <summary>Opens the reliable session now; the first call opens it otherwise.</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    Task OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes gracefully: waits until every message is acknowledged (asking with AckRequested; a service that
    /// acknowledges only at close is asked for its final acknowledgement, which must cover them: WS-RM 1.1 on
    /// CloseSequence, 1.0 on TerminateSequence after the LastMessage), then ends the sequences (WS-RM 1.1:
    /// CloseSequence and TerminateSequence; 1.0: LastMessage and TerminateSequence). Fails, naming them, when messages
    /// stay unacknowledged (<see cref="WsRmClientOptions.OperationTimeout"/>) or the final acknowledgement leaves them out.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the session is then aborted.</param>
    Task CloseAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops the session at once; calls in progress fail.</summary>
    void Abort();
}
