using System.Collections.Concurrent;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Client;

/// <summary>
/// Hands an acknowledgement that arrived on one session's response, for another session's sequence, to that session.
/// A destination may acknowledge every sequence it shares with a client on any answer (gSOAP adds the
/// acknowledgements of the other sequences with the same AcksTo; WS-RM 1.1 §3.9 lets a SequenceAcknowledgement ride
/// on any message). One per <see cref="WsRmChannelFactory{TContract}"/>: its sessions talk to one service. Thread-safe.
/// </summary>
internal sealed class AcknowledgementRouter
{
    private readonly ConcurrentDictionary<string, WsRmSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Sessions registered now (for tests).</summary>
    public int Count => _sessions.Count;

    public void Register(WsRmSession session) => _sessions[session.SequenceId] = session;

    public void Unregister(WsRmSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, WsRmSession>(session.SequenceId, session));

    /// <summary>Gives <paramref name="acknowledgement"/> to the session whose sequence it names; an unknown one is dropped.</summary>
    public void Route(SequenceAcknowledgement acknowledgement)
    {
        if (_sessions.TryGetValue(acknowledgement.Identifier, out var session)) session.OnRoutedAcknowledgement(acknowledgement);
    }
}
