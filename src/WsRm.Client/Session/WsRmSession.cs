using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

/// <summary>
/// A reliable session with one service over HTTP (WS-RM 1.0 or 1.1, request-reply binding): one outbound sequence,
/// with a sequence offered for the replies. Calls run concurrently, each on its own HTTP request; lost requests and
/// responses are recovered by retransmission (one timer loop on the injected <see cref="TimeProvider"/>). The protocol
/// decisions are made by <see cref="SourceSequence"/> and <see cref="InboundReplySequence"/>; this class carries them
/// out. Thread-safe.
/// </summary>
public sealed partial class WsRmSession : IAsyncDisposable
{
    private readonly Lock _sync = new();
    private readonly WsRmClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SoapTransport _transport;
    private readonly MessageFactory _messages;
    private readonly SourceSequence _source;
    private readonly InboundReplySequence _replies;
    private readonly ReplyOrdering<ReplyDelivery> _replyOrder;
    private readonly Dictionary<string, PendingCall> _calls = new(StringComparer.Ordinal);
    private readonly AsyncSignal _progress = new();
    private readonly LinkedList<PendingCall> _waiting = new();
    private readonly SessionScheduler _scheduler;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abandon = new(); // the HTTP requests in flight
    private readonly TaskCompletionSource _quiet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AcknowledgementRouter? _router;
    private readonly TaskCompletionSource<Exception?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private SessionState _state;
    private Exception? _failure;
    private Exception? _lastTransportError;
    private int _requestsInFlight;

    private WsRmSession(WsRmClientOptions options, TimeProvider time, ILogger logger, SoapTransport transport,
        MessageFactory messages, SourceSequence source, InboundReplySequence replies, AcknowledgementRouter? router)
    {
        _router = router;
        _options = options;
        _time = time;
        _logger = logger;
        _transport = transport;
        _messages = messages;
        _source = source;
        _replies = replies;
        _replyOrder = new ReplyOrdering<ReplyDelivery>(options.Ordered);
        _scheduler = new SessionScheduler(time, NextDue, OnDue);
    }

    /// <summary>The identifier of the outbound sequence.</summary>
    public string SequenceId => _source.Id!;

    /// <summary>The identifier of the offered reply sequence.</summary>
    public string ReplySequenceId => _replies.Id;

    /// <summary>Replies received and waiting for an earlier one (ordered sessions; for tests).</summary>
    internal int HeldReplies
    {
        get { lock (_sync) return _replyOrder.Held; }
    }

    /// <summary>The timer loop (for tests).</summary>
    internal SessionScheduler Scheduler => _scheduler;

    /// <summary>The timer loop's task; it ends when the session faults, closes or is disposed (for tests).</summary>
    internal Task TimerLoop => _loop;

    /// <summary>True once the session faulted or was aborted.</summary>
    public bool IsFaulted
    {
        get { lock (_sync) return _state == SessionState.Faulted; }
    }

    /// <summary>
    /// Creates the sequence (CreateSequence with an Offer for the replies) and starts the session. A WS-RM fault
    /// (CreateSequenceRefused, …) throws <see cref="WsRmFaultException"/>; another fault <see cref="SoapFaultException"/>;
    /// no answer within <see cref="WsRmClientOptions.OperationTimeout"/> <see cref="TimeoutException"/>.
    /// </summary>
    /// <param name="http">The client to send with; build it on <see cref="WsRmHttp.CreateHandler"/>. Not disposed by the session.</param>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="time">The clock and timers; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where to log; nothing when null.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static Task<WsRmSession> OpenAsync(HttpClient http, WsRmClientOptions options, TimeProvider? time = null,
        ILogger? logger = null, CancellationToken cancellationToken = default) =>
        OpenAsync(http, options, time, logger, null, cancellationToken);

    // router: shared by the sessions of one factory, so that an acknowledgement on one's response reaches another.
    internal static async Task<WsRmSession> OpenAsync(HttpClient http, WsRmClientOptions options, TimeProvider? time,
        ILogger? logger, AcknowledgementRouter? router, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        time ??= TimeProvider.System;
        logger ??= NullLogger.Instance;
        var rm = options.RmVersion;
        var transport = new SoapTransport(http, options.EffectiveVia, options.SoapVersion, options.MaxReceivedMessageSize);
        var messages = new MessageFactory(rm, options.SoapVersion, options.Address!.OriginalString);
        var settings = options.ToSettings();
        var source = new SourceSequence(rm, settings, time.GetUtcNow());
        var offerId = "";
        byte[] NextRequest()
        {
            offerId = MessageFactory.NewMessageId();
            return messages.CreateSequence(MessageFactory.NewMessageId(), offerId);
        }

        using var timeout = new CancellationTokenSource(options.OperationTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        SoapMessage? response;
        try
        {
            response = await ControlExchange.RunAsync(transport, NextRequest, rm.CreateSequenceAction, options, time, logger, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"CreateSequence was not answered within {options.OperationTimeout}.");
        }
        if (response is null) throw new WsRmSessionFaultedException("CreateSequence was answered with an empty HTTP response.");
        if (FaultReader.IsFault(response)) throw FaultReader.Read(response).ToException();
        if (response.Action != rm.CreateSequenceResponseAction)
            throw new WsRmSessionFaultedException($"CreateSequence was answered with '{response.Action}', not a CreateSequenceResponse.");
        CreateSequenceResponse created;
        using (var body = response.CreateBodyReader()) created = RmBodyReader.ReadCreateSequenceResponse(body, rm, MessageFactory.Wsa);
        if (created.AcceptAcksTo is null)
            throw new WsRmSessionFaultedException("The service did not accept the offered reply sequence; request-reply needs it.");

        var now = time.GetUtcNow();
        source.OnCreated(created.Identifier, created.Expires, now);
        var replies = new InboundReplySequence(offerId, rm, settings, now);
        var session = new WsRmSession(options, time, logger, transport, messages, source, replies, router);
        router?.Register(session);
        session._loop = session._scheduler.RunAsync(session._stop.Token);
        WsRmClientLog.SessionOpened(logger, created.Identifier, offerId, rm.ToString(), options.SoapVersion.ToString(), options.Address);
        WsRmClientMetrics.SessionOpened();
        return session;
    }

    /// <summary>
    /// Sends a request and returns its reply. Waits (asynchronously) for room in the transfer window; the whole call
    /// is bounded by <see cref="WsRmClientOptions.OperationTimeout"/> (<see cref="TimeoutException"/>). An application
    /// fault throws <see cref="SoapFaultException"/>; a session failure <see cref="WsRmFaultException"/> or
    /// <see cref="WsRmSessionFaultedException"/>.
    /// </summary>
    /// <param name="action">The request's <c>wsa:Action</c>.</param>
    /// <param name="writeBody">Writes the body's content; called once, before the message is numbered (retransmissions resend that).</param>
    /// <param name="cancellationToken">Stops waiting (the message may still be delivered).</param>
    public async Task<WsRmReply> RequestAsync(string action, Action<XmlWriter> writeBody, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(writeBody);
        var reply = await CallAsync(new PendingCall(action, BodySnapshot.Render(writeBody), oneWay: false, MessageFactory.NewMessageId()), cancellationToken).ConfigureAwait(false);
        return reply!;
    }

    /// <summary>
    /// Sends a one-way message; completes once the service accepted it: its HTTP request was answered (202 with no body,
    /// or a response, which may carry the acknowledgement), as WCF's one-way calls complete once the transport took the
    /// message. A message whose request failed at the transport is retried and the call completes at the first answer.
    /// The message stays in the transfer window until acknowledged: a destination that answers without acknowledging
    /// is asked with AckRequested, the message is retransmitted while unacknowledged (at most
    /// <see cref="WsRmClientOptions.MaxRetryCount"/> times), and <see cref="CloseAsync"/> waits for the acknowledgement.
    /// Bounds as <see cref="RequestAsync"/>: window room and the first answer within
    /// <see cref="WsRmClientOptions.OperationTimeout"/>, else <see cref="TimeoutException"/> (the message may still be
    /// delivered). A fault answering it fails the call and ends the session (<see cref="WsRmFaultException"/>,
    /// <see cref="SoapFaultException"/>); exhausted retries <see cref="WsRmSessionFaultedException"/>.
    /// </summary>
    /// <param name="action">The message's <c>wsa:Action</c>.</param>
    /// <param name="writeBody">Writes the body's content; called once, before the message is numbered (retransmissions resend that).</param>
    /// <param name="cancellationToken">Stops waiting (the message may still be delivered).</param>
    public Task SendAsync(string action, Action<XmlWriter> writeBody, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(writeBody);
        return CallAsync(new PendingCall(action, BodySnapshot.Render(writeBody), oneWay: true, MessageFactory.NewMessageId()), cancellationToken);
    }

    /// <summary>Stops the session at once: no close handshake, every pending call fails with <see cref="WsRmSessionFaultedException"/>.</summary>
    public void Abort()
    {
        if (FaultSession(new WsRmSessionFaultedException($"The session of sequence {_source.Id} was aborted.")))
            WsRmClientLog.SessionAborted(_logger, _source.Id);
    }

    /// <summary>Closes gracefully when the session is open and healthy (errors ignored), else aborts; then stops the timer loop.</summary>
    public async ValueTask DisposeAsync()
    {
        bool open;
        lock (_sync) open = _state == SessionState.Open;
        if (open)
        {
            try
            {
                await CloseAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Already faulted by CloseAsync; disposing must not throw.
            }
        }
        lock (_sync) open = _state != SessionState.Closed;
        if (open) Abort();
        _stop.Cancel();
        _abandon.Cancel();
        await _loop.ConfigureAwait(false);
    }

    private async Task<WsRmReply?> CallAsync(PendingCall call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var activity = WsRmClientMetrics.ActivitySource.StartActivity("wsrm.call", System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("wsrm.action", call.Action);
        activity?.SetTag("wsrm.sequence_id", _source.Id);
        var started = _time.GetTimestamp();
        var outcome = "error";
        try
        {
            await AssignAsync(call, linked.Token).ConfigureAwait(false);
            activity?.SetTag("wsrm.message_number", call.Number);
            var reply = await call.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            outcome = "ok";
            return reply;
        }
        catch (SoapFaultException)
        {
            outcome = "fault";
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The call '{call.Action}' (message {call.Number}) did not complete within {_options.OperationTimeout}.");
        }
        finally
        {
            WsRmClientMetrics.CallEnded(call.Action, outcome, _time.GetElapsedTime(started));
            activity?.SetTag("wsrm.outcome", outcome);
            if (outcome == "error") activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        }
    }

    // Numbers the message when the window has room, else waits for an acknowledgement to make some. Waiters are
    // served first come, first served, so messages are numbered in the order the calls were made.
    private async Task AssignAsync(PendingCall call, CancellationToken cancellationToken)
    {
        LinkedListNode<PendingCall>? queued = null;
        try
        {
            while (true)
            {
                Task changed;
                byte[]? envelope = null;
                var attempt = 0;
                lock (_sync)
                {
                    ThrowIfNotOpen();
                    var now = _time.GetUtcNow();
                    var turn = _waiting.First is null || _waiting.First == queued;
                    var result = turn ? _source.TryAssign(call, now) : AssignResult.Refused(AssignOutcome.WindowFull);
                    if (result.IsAssigned)
                    {
                        if (queued is not null) _waiting.Remove(queued);
                        queued = null;
                        call.Number = result.Number;
                        _calls[call.MessageId] = call;
                        envelope = BuildForSend(call);
                        _source.OnSent(result.Number, now);
                        WsRmClientMetrics.MessageSent();
                        attempt = _source.TransmissionsOf(result.Number);
                        if (_waiting.First is not null) _progress.Signal();
                    }
                    else if (result.Outcome is not (AssignOutcome.WindowFull or AssignOutcome.DestinationBufferFull))
                    {
                        throw new WsRmSessionFaultedException($"No message number could be assigned on sequence {_source.Id}: {result.Outcome}.");
                    }
                    else
                    {
                        queued ??= _waiting.AddLast(call);
                    }
                    changed = _progress.WaitAsync();
                }
                _scheduler.WakeIfEarlier();
                if (envelope is not null)
                {
                    StartSend(envelope, call.Action, call, attempt);
                    return;
                }
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (queued is not null)
            {
                lock (_sync)
                {
                    _waiting.Remove(queued);
                    _progress.Signal();
                }
            }
        }
    }

    private void ThrowIfNotOpen()
    {
        if (_state == SessionState.Faulted) throw new WsRmSessionFaultedException($"The session of sequence {_source.Id} is faulted: {_failure?.Message}", _failure);
        if (_state != SessionState.Open) throw new InvalidOperationException($"The session of sequence {_source.Id} is {_state.ToString().ToLowerInvariant()}; no new calls are accepted.");
    }

    // Under the lock: the envelope of an application message, with the reply sequence's acknowledgement piggybacked,
    // and an AckRequested once the destination has shown it answers without acknowledging.
    private byte[] BuildForSend(PendingCall call)
    {
        call.InFlight++;
        _requestsInFlight++;
        return _messages.Application(call, _source.Id!, ReplyAcknowledgement(), _source.RequestsAcknowledgements);
    }

    // Under the lock.
    private SequenceAcknowledgement? ReplyAcknowledgement()
    {
        if (_replies.Received.Count == 0) return null;
        var ack = _replies.Acknowledgement();
        _replies.OnAcknowledgementSent();
        return ack;
    }

    // Faults the session once: fails every pending call, stops the timer loop and the HTTP requests in flight.
    // suspended: a transmission queue put the session aside on purpose (Suspend); logged and counted as such.
    private bool FaultSession(Exception error, bool suspended = false)
    {
        List<PendingCall> calls;
        lock (_sync)
        {
            if (_state is SessionState.Faulted or SessionState.Closed) return false;
            _state = SessionState.Faulted;
            _failure = error;
            _source.Fault(new SourceFailure(SourceFailureKind.RemoteFault, error.Message));
            _replies.Terminate();
            calls = [.. _calls.Values];
            _calls.Clear();
            foreach (var held in _replyOrder.TakeAll())
                if (held.Call is not null) calls.Add(held.Call);
            _progress.Signal();
        }
        _router?.Unregister(this);
        if (suspended) WsRmClientLog.SessionSuspended(_logger, _source.Id);
        else WsRmClientLog.SessionFaulted(_logger, _source.Id, error.Message);
        WsRmClientMetrics.SessionEnded(faulted: !suspended);
        foreach (var call in calls) call.Fail(error);
        _stop.Cancel();
        // A transmission queue lets the requests in flight end by themselves (each within its attempt timeout), so
        // that what became of each transmission is known before it decides about the messages (Quiet).
        if (suspended || !FinishRequestsOnEnd) _abandon.Cancel();
        _ended.TrySetResult(error);
        NoteQuiet();
        return true;
    }
}
