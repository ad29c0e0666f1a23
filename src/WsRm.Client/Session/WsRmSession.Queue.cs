using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

// What a durable transmission queue (WsRmQueueForwarder) needs of a session: one-way messages numbered first
// (Reserve), persisted by the caller, then transmitted (Transmit); a session resumed on a stored sequence (Resume)
// with the messages numbered before put back (Restore); acknowledgements per message (Acknowledged); the end of the
// session and what it left unacknowledged, with whether each may have arrived (Ended, TakeUnacknowledged); and an end
// that leaves the sequence open at the service (Suspend).
public sealed partial class WsRmSession
{
    /// <summary>Called, outside the session's lock, with the numbers of one-way messages the destination acknowledged.</summary>
    internal Action<IReadOnlyList<ulong>>? Acknowledged { get; set; }

    /// <summary>Completes when the session ends: with the failure when it faulted or was aborted or suspended, null when closed.</summary>
    internal Task<Exception?> Ended => _ended.Task;

    /// <summary>
    /// When set (before anything is sent), a session that faults lets its HTTP requests in flight end by themselves,
    /// each within its attempt timeout, instead of abandoning them, so <see cref="TakeUnacknowledged"/> after
    /// <see cref="Quiet"/> knows of every transmission whether it was rejected. <see cref="Suspend"/> still abandons them.
    /// </summary>
    internal bool FinishRequestsOnEnd { get; set; }

    /// <summary>Completes once the session ended and none of its HTTP requests is in flight.</summary>
    internal Task Quiet => _quiet.Task;

    /// <summary>Completes at the next change of the window, acknowledgements or state (take it before checking <see cref="HasRoom"/>).</summary>
    internal Task Changed
    {
        get { lock (_sync) return _progress.WaitAsync(); }
    }

    /// <summary>True when <see cref="Reserve"/> would number a message now.</summary>
    internal bool HasRoom
    {
        get
        {
            lock (_sync)
                return _state == SessionState.Open && _source.State == SourceState.Active && _waiting.First is null
                    && _source.UnacknowledgedCount < _source.Settings.TransferWindow && _source.DestinationRoom is not <= 0;
        }
    }

    /// <summary>The highest message number given on the sequence.</summary>
    internal ulong LastNumber
    {
        get { lock (_sync) return _source.HighestAssigned; }
    }

    /// <summary>
    /// A session on sequence <paramref name="sequenceId"/>, which the service created earlier for an earlier session,
    /// going on after message number <paramref name="lastNumber"/>. Nothing is sent: the first message (or
    /// <see cref="Restore"/>d retransmission) finds out whether the service still knows the sequence (else
    /// <c>UnknownSequence</c> faults the session). No reply sequence is offered: for one-way messages only.
    /// </summary>
    internal static WsRmSession Resume(HttpClient http, WsRmClientOptions options, TimeProvider? time, ILogger? logger,
        string sequenceId, ulong lastNumber)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        time ??= TimeProvider.System;
        logger ??= NullLogger.Instance;
        var rm = options.RmVersion;
        var settings = options.ToSettings();
        var now = time.GetUtcNow();
        var source = SourceSequence.Resume(rm, settings, sequenceId, lastNumber, now);
        // Never offered, so the service sends nothing on it; it only keeps the session's shape.
        var replies = new InboundReplySequence(MessageFactory.NewMessageId(), rm, settings, now);
        var session = new WsRmSession(options, time, logger,
            new SoapTransport(http, options.EffectiveVia, options.SoapVersion, options.MaxReceivedMessageSize),
            new MessageFactory(rm, options.SoapVersion, options.Address!.OriginalString), source, replies, router: null);
        session._loop = session._scheduler.RunAsync(session._stop.Token);
        WsRmClientLog.SessionResumed(logger, sequenceId, lastNumber, rm.ToString(), options.SoapVersion.ToString(), options.Address);
        WsRmClientMetrics.SessionOpened();
        return session;
    }

    /// <summary>
    /// Numbers a one-way message without sending it, or returns null when the window (or the service's buffer) has no
    /// room. The caller persists the number, then calls <see cref="Transmit"/>; if it cannot, it must end the session
    /// (the number is then owed to the service). Throws when the session is not open.
    /// </summary>
    /// <param name="action">The message's <c>wsa:Action</c>.</param>
    /// <param name="body">Writes the same body content each time (a stored fragment).</param>
    internal ulong? Reserve(string action, Action<XmlWriter> body)
    {
        var call = Unobserved(new PendingCall(action, body, oneWay: true, MessageFactory.NewMessageId()));
        lock (_sync)
        {
            ThrowIfNotOpen();
            var result = _waiting.First is null ? _source.TryAssign(call, _time.GetUtcNow()) : AssignResult.Refused(AssignOutcome.WindowFull);
            if (result.Outcome is AssignOutcome.WindowFull or AssignOutcome.DestinationBufferFull) return null;
            if (!result.IsAssigned) throw new WsRmSessionFaultedException($"No message number could be assigned on sequence {_source.Id}: {result.Outcome}.");
            call.Number = result.Number;
            _calls[call.MessageId] = call;
            return result.Number;
        }
    }

    /// <summary>Sends reserved (or restored) message <paramref name="number"/> for the first time; nothing when the session ended.</summary>
    internal void Transmit(ulong number)
    {
        byte[] envelope;
        PendingCall call;
        int attempt;
        lock (_sync)
        {
            if (_state != SessionState.Open || !_source.TryGetPayload(number, out var payload)) return;
            call = (PendingCall)payload;
            envelope = BuildForSend(call);
            _source.OnSent(number, _time.GetUtcNow());
            WsRmClientMetrics.MessageSent();
            attempt = _source.TransmissionsOf(number);
        }
        _scheduler.WakeIfEarlier();
        StartSend(envelope, call.Action, call, attempt);
    }

    /// <summary>
    /// Puts back message <paramref name="number"/>, numbered on this sequence by an earlier session and not known
    /// acknowledged, and sends it again with that number (<see cref="SourceSequence.TryRestore"/>); retransmitted like
    /// any message from then on. Taken even when the window is full (it is owed); new numbers wait.
    /// </summary>
    /// <param name="number">Its number on this sequence.</param>
    /// <param name="action">The message's <c>wsa:Action</c>.</param>
    /// <param name="body">Writes the same body content each time (a stored fragment).</param>
    /// <param name="mayHaveArrived">Whether its earlier transmissions may have reached the service (true when unknown).</param>
    internal RestoreOutcome Restore(ulong number, string action, Action<XmlWriter> body, bool mayHaveArrived = true)
    {
        var call = Unobserved(new PendingCall(action, body, oneWay: true, MessageFactory.NewMessageId()) { Number = number });
        RestoreOutcome outcome;
        lock (_sync)
        {
            if (_state != SessionState.Open) return RestoreOutcome.NotActive;
            outcome = _source.TryRestore(number, call, _time.GetUtcNow(), mayHaveArrived);
            if (outcome == RestoreOutcome.Restored) _calls[call.MessageId] = call;
        }
        if (outcome == RestoreOutcome.Restored) Transmit(number);
        return outcome;
    }

    /// <summary>
    /// Once the session ended: the messages left unacknowledged, ascending, each with whether the service may have
    /// received it (<see cref="SourceMessage.MayHaveArrived"/>); empty the second time.
    /// </summary>
    internal IReadOnlyList<SourceMessage> TakeUnacknowledged()
    {
        lock (_sync)
        {
            if (_state == SessionState.Open || _state == SessionState.Closing)
                throw new InvalidOperationException("The unacknowledged messages are taken once the session ended.");
            return _source.State is SourceState.Terminated or SourceState.Faulted ? _source.TakeUnacknowledged() : [];
        }
    }

    /// <summary>
    /// Ends the session at once without closing its sequence, which a later <see cref="Resume"/> goes on with: no
    /// handshake, pending calls fail, requests in flight are abandoned, <see cref="Ended"/> completes. Not counted as a
    /// faulted session.
    /// </summary>
    internal void Suspend()
    {
        FaultSession(new WsRmSessionFaultedException($"The session of sequence {_source.Id} was suspended; its sequence stays open."), suspended: true);
        _abandon.Cancel(); // also when it had ended already and was letting its requests finish
    }

    // Completes Quiet once the session ended and its last request ended.
    private void NoteQuiet()
    {
        lock (_sync)
            if (_requestsInFlight == 0 && _state is SessionState.Faulted or SessionState.Closed) _quiet.TrySetResult();
    }

    // Nobody awaits a queued message's call: its failure (the session ended) is reported through Ended instead.
    private static PendingCall Unobserved(PendingCall call)
    {
        call.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return call;
    }

    // Completes the one-way calls the service acknowledged, and tells the transmission queue their numbers.
    private void CompleteAcknowledged(List<PendingCall> acknowledged)
    {
        foreach (var call in acknowledged) call.Complete(null);
        if (Acknowledged is { } notify) notify([.. acknowledged.Select(c => c.Number)]);
    }
}
