using System.Diagnostics;
using System.Net;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>What a <see cref="LossyForwarder"/> does to one exchange (one HTTP request and its response).</summary>
internal enum LossyFault
{
    /// <summary>Forwarded faithfully.</summary>
    None,

    /// <summary>The request never reaches the service: the client's connection is aborted.</summary>
    DropRequest,

    /// <summary>The service processes the request; its response is lost (the client's connection is aborted).</summary>
    DropResponse,

    /// <summary>The request reaches the service twice, both copies in flight together; the client gets one of the responses.</summary>
    DuplicateRequest,

    /// <summary>
    /// The request reaches the service twice, the second copy once the first is answered; the client gets the second
    /// copy's response (an intermediary that retried after losing the first answer).
    /// </summary>
    DuplicateRequestAfterAnswer,

    /// <summary>
    /// The service processes the request, but the client gets a copy of an earlier response of the same sequence
    /// instead of this one (a duplicated, stale response; the real one is lost).
    /// </summary>
    DuplicateResponse,

    /// <summary>The request waits (1 ms to <see cref="LossyProfile.MaxDelay"/>) before it is forwarded.</summary>
    DelayRequest,

    /// <summary>The response waits (1 ms to <see cref="LossyProfile.MaxDelay"/>) before it is returned.</summary>
    DelayResponse,

    /// <summary>
    /// The request is held until a request that arrived after it has been forwarded (so the service gets them in the
    /// other order), at most <see cref="LossyProfile.MaxHold"/>.
    /// </summary>
    ReorderRequest,

    /// <summary>
    /// The response is held until the response of a request that arrived later has been returned (so the client gets
    /// them in the other order), at most <see cref="LossyProfile.MaxHold"/>.
    /// </summary>
    ReorderResponse,
}

/// <summary>
/// How a <see cref="LossyForwarder"/> damages traffic: the probability of each fault per exchange (at most one fault
/// an exchange; they must sum to at most 1), and the bounds that keep a run short and finite.
/// </summary>
internal sealed record LossyProfile
{
    public double DropRequest { get; init; }
    public double DropResponse { get; init; }
    public double DuplicateRequest { get; init; }
    public double DuplicateRequestAfterAnswer { get; init; }
    public double DuplicateResponse { get; init; }
    public double DelayRequest { get; init; }
    public double DelayResponse { get; init; }
    public double ReorderRequest { get; init; }
    public double ReorderResponse { get; init; }

    /// <summary>
    /// wsa:Actions whose requests random faults never duplicate (a duplicate rolled for one is no fault). Scripts
    /// still can.
    /// </summary>
    public IReadOnlySet<string> NotDuplicated { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Random faults injected at most; after that every exchange is forwarded faithfully. Scripted faults and the blackhole are not counted.</summary>
    public int MaxFaults { get; init; } = 60;

    /// <summary>The longest delay of a delayed request or response.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// The longest a request or response is held for reordering when nothing overtakes it. Longer than the client's
    /// retransmission timeout on loopback: when every other message in the window waits (ordered delivery) for the
    /// held one, the client's next retransmission is what overtakes it.
    /// </summary>
    public TimeSpan MaxHold { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests, and separately responses, held at once at most; a hold rolled past it is no fault.</summary>
    public int MaxHeld { get; init; } = 2;

    /// <summary>When set, the first this many requests are forwarded faithfully and every later one is lost.</summary>
    public int? BlackholeAfter { get; init; }

    /// <summary>With <see cref="BlackholeAfter"/>: lose the responses (the service still gets the requests) rather than the requests.</summary>
    public bool BlackholeResponses { get; init; }

    /// <summary>
    /// Every kind of fault, 57 % of exchanges in all, at most 100 faults (more than a 60-message session needs, so
    /// the faults of a seed do not depend on when the cap is reached). CreateSequence is not duplicated: a duplicate
    /// answered with the copy the service refused stops the session from opening (the bug shown by
    /// LossyHandshakeBugTests).
    /// </summary>
    public static LossyProfile Hostile { get; } = new()
    {
        DropRequest = 0.08, DropResponse = 0.08, DuplicateRequest = 0.05, DuplicateRequestAfterAnswer = 0.03, DuplicateResponse = 0.06,
        DelayRequest = 0.06, DelayResponse = 0.06, ReorderRequest = 0.08, ReorderResponse = 0.07,
        MaxFaults = 100,
        NotDuplicated = new HashSet<string>(StringComparer.Ordinal)
        {
            "http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequence", "http://docs.oasis-open.org/ws-rx/wsrm/200702/CreateSequence",
        },
    };

    /// <summary>No random faults (scripts and the blackhole still apply).</summary>
    public static LossyProfile Faithful { get; } = new();

    /// <summary>The first <paramref name="after"/> requests go through; every later request (or its response) is lost.</summary>
    public static LossyProfile Blackhole(int after, bool responses) => new() { BlackholeAfter = after, BlackholeResponses = responses };

    internal void Validate()
    {
        double[] p = [DropRequest, DropResponse, DuplicateRequest, DuplicateRequestAfterAnswer, DuplicateResponse, DelayRequest, DelayResponse, ReorderRequest, ReorderResponse];
        if (p.Any(x => x is < 0 or > 1) || p.Sum() > 1 + 1e-9) throw new ArgumentException("Fault probabilities must be in 0..1 and sum to at most 1.");
        if (MaxFaults < 0 || MaxHeld < 0 || MaxDelay < TimeSpan.Zero || MaxHold < TimeSpan.Zero || BlackholeAfter < 0)
            throw new ArgumentException("Bounds must not be negative.");
    }
}

/// <summary>One exchange seen by a <see cref="LossyForwarder"/>, in arrival order.</summary>
internal sealed class LossyExchange
{
    private int _copies;

    public required int Index { get; init; }

    /// <summary>When the request arrived, since the forwarder started.</summary>
    public required TimeSpan ArrivedAt { get; init; }

    public required string? Action { get; init; }

    /// <summary>The wsrm:Sequence header's Identifier and MessageNumber, when the request has one.</summary>
    public required string? SequenceId { get; init; }

    public required ulong? MessageNumber { get; init; }

    /// <summary>The request envelope as text.</summary>
    public required string Body { get; init; }

    /// <summary>The fault applied (one that turned out not to apply, such as a replay with nothing to replay, is None).</summary>
    public LossyFault Fault { get; internal set; }

    /// <summary>For a reordering: whether something actually overtook it (else it was released after MaxHold).</summary>
    public bool Overtaken { get; internal set; }

    /// <summary>Copies of the request written to the service.</summary>
    public int Copies => Volatile.Read(ref _copies);

    internal void OnCopyForwarded() => Interlocked.Increment(ref _copies);

    public override string ToString() =>
        $"#{Index} +{ArrivedAt.TotalMilliseconds:0}ms {Action?[(Action.LastIndexOf('/') + 1)..]} {(MessageNumber is { } n ? "msg " + n : "")} {Fault}{(Overtaken ? " (overtaken)" : "")} copies={Copies}";
}

/// <summary>
/// A fault-injecting HTTP forwarder on loopback between a client and the real server. Each exchange gets at most one
/// fault, chosen in arrival order by a seeded <see cref="Random"/> (<see cref="LossyProfile"/>): the request or the
/// response dropped (the client's connection aborted), the request forwarded twice (at once, or the second copy after
/// the first was answered), an earlier response of the same sequence returned instead of the real one, the request or
/// the response delayed, or the request or the response held back until one that arrived after it has overtaken it.
/// Scripts (<see cref="Script"/>) apply chosen faults to chosen actions; a blackhole loses everything after the first
/// requests. Bounded: at most
/// <see cref="LossyProfile.MaxFaults"/> random faults, delays up to <see cref="LossyProfile.MaxDelay"/>, at most
/// <see cref="LossyProfile.MaxHeld"/> held at once for at most <see cref="LossyProfile.MaxHold"/>; then it forwards
/// faithfully. Counters say how often each fault actually happened; <see cref="Exchanges"/> is the full log.
/// </summary>
internal sealed class LossyForwarder : IAsyncDisposable
{
    private const string Rm10 = "http://schemas.xmlsoap.org/ws/2005/02/rm";
    private const string Rm11 = "http://docs.oasis-open.org/ws-rx/wsrm/200702";
    private const int StaleKept = 8;

    private readonly Uri _target;
    private readonly LossyProfile _profile;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _closing = new();
    private readonly HttpClient _client = new(WsRmHttp.CreateHandler()) { Timeout = TimeSpan.FromSeconds(20) };
    private readonly List<LossyExchange> _exchanges = [];
    private readonly Dictionary<string, Queue<LossyFault>> _scripts = new(StringComparer.Ordinal);
    private readonly List<(int Index, TaskCompletionSource Overtaken)> _heldRequests = [];
    private readonly List<(int Index, TaskCompletionSource Overtaken)> _heldResponses = [];
    private readonly Dictionary<string, List<CapturedResponse>> _stale = new(StringComparer.Ordinal);
    private int _reservedRequestHolds;
    private int _reservedResponseHolds;
    private int _injected;
    private WebApplication? _app;

    private int _droppedRequests, _droppedResponses, _duplicatedRequests, _duplicatedResponses;
    private int _delayedRequests, _delayedResponses, _reorderedRequests, _reorderedResponses;
    private int _requestHoldsExpired, _responseHoldsExpired, _forwarded;

    private LossyForwarder(Uri target, int seed, LossyProfile profile)
    {
        _target = target;
        _profile = profile;
        _random = new Random(seed);
    }

    /// <summary>Where the client posts (its Via): the forwarder's port with the target's path.</summary>
    public Uri Address { get; private set; } = null!;

    public int DroppedRequests => Volatile.Read(ref _droppedRequests);
    public int DroppedResponses => Volatile.Read(ref _droppedResponses);
    public int DuplicatedRequests => Volatile.Read(ref _duplicatedRequests);
    public int DuplicatedResponses => Volatile.Read(ref _duplicatedResponses);
    public int DelayedRequests => Volatile.Read(ref _delayedRequests);
    public int DelayedResponses => Volatile.Read(ref _delayedResponses);

    /// <summary>Held requests that a later request actually overtook on the way to the service.</summary>
    public int ReorderedRequests => Volatile.Read(ref _reorderedRequests);

    /// <summary>Held responses that a later response actually overtook on the way to the client.</summary>
    public int ReorderedResponses => Volatile.Read(ref _reorderedResponses);

    /// <summary>Holds that ended after MaxHold with nothing overtaking (not counted as reordered).</summary>
    public int HoldsExpired => Volatile.Read(ref _requestHoldsExpired) + Volatile.Read(ref _responseHoldsExpired);

    public int Delayed => DelayedRequests + DelayedResponses;
    public int Reordered => ReorderedRequests + ReorderedResponses;

    /// <summary>Random faults injected so far (never more than <see cref="LossyProfile.MaxFaults"/>).</summary>
    public int Injected
    {
        get { lock (_lock) return _injected; }
    }

    /// <summary>Requests received from the client.</summary>
    public int Requests
    {
        get { lock (_lock) return _exchanges.Count; }
    }

    /// <summary>Requests and responses held for reordering right now.</summary>
    public int Holding
    {
        get { lock (_lock) return _heldRequests.Count + _heldResponses.Count; }
    }

    /// <summary>Request copies written to the service (duplicates and retransmissions included, drops excluded).</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Every exchange so far, in arrival order.</summary>
    public IReadOnlyList<LossyExchange> Exchanges
    {
        get { lock (_lock) return [.. _exchanges]; }
    }

    /// <summary>The counters in one line, for test output and failure messages.</summary>
    public string Summary =>
        $"{Requests} requests, {Forwarded} copies forwarded, {Injected} random faults: dropped {DroppedRequests} requests / {DroppedResponses} responses, " +
        $"duplicated {DuplicatedRequests} requests / {DuplicatedResponses} responses, delayed {DelayedRequests} requests / {DelayedResponses} responses, " +
        $"reordered {ReorderedRequests} requests / {ReorderedResponses} responses ({HoldsExpired} holds expired)";

    public static async Task<LossyForwarder> StartAsync(Uri target, int seed, LossyProfile? profile = null)
    {
        profile ??= LossyProfile.Hostile;
        profile.Validate();
        var forwarder = new LossyForwarder(target, seed, profile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(forwarder.HandleAsync);
        await app.StartAsync().Within(Bounded.Short);
        forwarder._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        forwarder.Address = new Uri(new Uri(address), target.PathAndQuery);
        return forwarder;
    }

    /// <summary>
    /// The next requests with wsa:Action <paramref name="action"/> get <paramref name="faults"/>, in order, one each,
    /// before any random fault and whatever the cap.
    /// </summary>
    public void Script(string action, params LossyFault[] faults)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(action, out var queue)) _scripts[action] = queue = new Queue<LossyFault>();
            foreach (var fault in faults) queue.Enqueue(fault);
        }
    }

    /// <summary>Scripted faults not yet applied.</summary>
    public int ScriptedPending
    {
        get { lock (_lock) return _scripts.Values.Sum(q => q.Count); }
    }

    /// <summary>Requests received whose envelope mentions <paramref name="identifier"/> (Sequence, AckRequested, Close, Terminate, acknowledgements).</summary>
    public int RequestsMentioning(string identifier)
    {
        lock (_lock) return _exchanges.Count(e => e.Body.Contains(identifier, StringComparison.Ordinal));
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closing.Token);
        var cancel = linked.Token;
        var holdsRequest = false;
        var holdsResponse = false;
        LossyExchange? exchange = null;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancel);
            var body = buffer.ToArray();
            var (action, sequenceId, number) = Parse(body);
            Roll roll;
            lock (_lock)
            {
                exchange = new LossyExchange
                {
                    Index = _exchanges.Count, ArrivedAt = _clock.Elapsed, Action = action, SequenceId = sequenceId, MessageNumber = number,
                    Body = Encoding.UTF8.GetString(body),
                };
                _exchanges.Add(exchange);
                roll = Decide(exchange);
                exchange.Fault = roll.Fault;
                holdsRequest = roll.Fault == LossyFault.ReorderRequest;
                holdsResponse = roll.Fault == LossyFault.ReorderResponse;
            }

            switch (roll.Fault)
            {
                case LossyFault.DropRequest:
                    Interlocked.Increment(ref _droppedRequests);
                    context.Abort();
                    return;
                case LossyFault.DelayRequest:
                    Interlocked.Increment(ref _delayedRequests);
                    await Task.Delay(roll.Delay, cancel);
                    break;
                case LossyFault.ReorderRequest:
                    if (await HoldAsync(exchange, _heldRequests, cancel)) Interlocked.Increment(ref _reorderedRequests);
                    else Interlocked.Increment(ref _requestHoldsExpired);
                    break;
            }

            CapturedResponse response;
            if (roll.Fault == LossyFault.DuplicateRequestAfterAnswer)
            {
                await ForwardAsync(context.Request, body, exchange, cancel);
                response = await ForwardAsync(context.Request, body, exchange, cancel);
                Interlocked.Increment(ref _duplicatedRequests);
            }
            else if (roll.Fault == LossyFault.DuplicateRequest)
            {
                var first = ForwardAsync(context.Request, body, exchange, cancel);
                var second = ForwardAsync(context.Request, body, exchange, cancel);
                var both = await Task.WhenAll(first, second);
                Interlocked.Increment(ref _duplicatedRequests);
                response = both[roll.Pick % 2];
            }
            else
            {
                response = await ForwardAsync(context.Request, body, exchange, cancel);
            }

            switch (roll.Fault)
            {
                case LossyFault.DropResponse:
                    Interlocked.Increment(ref _droppedResponses);
                    context.Abort();
                    return;
                case LossyFault.DuplicateResponse:
                    lock (_lock)
                    {
                        var kept = _stale[sequenceId!];
                        response = kept[roll.Pick % kept.Count];
                    }
                    Interlocked.Increment(ref _duplicatedResponses);
                    break;
                case LossyFault.DelayResponse:
                    Interlocked.Increment(ref _delayedResponses);
                    await Task.Delay(roll.Delay, cancel);
                    break;
                case LossyFault.ReorderResponse:
                    if (await HoldAsync(exchange, _heldResponses, cancel)) Interlocked.Increment(ref _reorderedResponses);
                    else Interlocked.Increment(ref _responseHoldsExpired);
                    break;
            }

            context.Response.StatusCode = response.Status;
            if (response.ContentType is { } type) context.Response.ContentType = type;
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body, cancel);
            await context.Response.Body.FlushAsync(cancel);
            Overtake(_heldResponses, exchange.Index);
            if (roll.Fault != LossyFault.DuplicateResponse) Keep(sequenceId, response);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // The client gave up, the forwarder is stopping, or the service is unreachable: lose the exchange.
            context.Abort();
        }
        finally
        {
            lock (_lock)
            {
                if (holdsRequest) _reservedRequestHolds--;
                if (holdsResponse) _reservedResponseHolds--;
            }
        }
    }

    private readonly record struct Roll(LossyFault Fault, TimeSpan Delay, int Pick);

    // Under the lock, in arrival order. Outside the blackhole, every exchange draws the same three numbers whatever
    // happens next, so a seed gives the same sequence of rolls (Plan).
    private Roll Decide(LossyExchange exchange)
    {
        if (_profile.BlackholeAfter is { } after)
        {
            if (exchange.Index < after) return default;
            return new Roll(_profile.BlackholeResponses ? LossyFault.DropResponse : LossyFault.DropRequest, TimeSpan.Zero, 0);
        }
        var (rolled, delay, pick) = Draw(_random, _profile);

        if (exchange.Action is { } action && _scripts.TryGetValue(action, out var script) && script.TryDequeue(out var scripted))
            return Applicable(scripted, exchange) ? Reserve(new Roll(scripted, delay, pick)) : default;
        if (_injected >= _profile.MaxFaults || rolled == LossyFault.None || !Applicable(rolled, exchange)) return default;
        if (rolled is (LossyFault.DuplicateRequest or LossyFault.DuplicateRequestAfterAnswer) && exchange.Action is { } a && _profile.NotDuplicated.Contains(a))
            return default;
        _injected++;
        return Reserve(new Roll(rolled, delay, pick));
    }

    /// <summary>
    /// The random faults <paramref name="seed"/> rolls for the first <paramref name="exchanges"/> exchanges, in arrival
    /// order, before caps, scripts and applicability (a replay with nothing to replay, a hold with no free slot).
    /// </summary>
    public static IReadOnlyList<LossyFault> Plan(int seed, LossyProfile profile, int exchanges)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, exchanges).Select(_ => Draw(random, profile).Fault)];
    }

    private static (LossyFault Fault, TimeSpan Delay, int Pick) Draw(Random random, LossyProfile profile)
    {
        var r = random.NextDouble();
        var delay = TimeSpan.FromMilliseconds(random.Next(1, Math.Max(2, (int)profile.MaxDelay.TotalMilliseconds + 1)));
        var pick = random.Next(1 << 20);
        foreach (var (kind, probability) in Probabilities(profile))
        {
            if (r < probability) return (kind, delay, pick);
            r -= probability;
        }
        return (LossyFault.None, delay, pick);
    }

    private static IEnumerable<(LossyFault, double)> Probabilities(LossyProfile profile)
    {
        yield return (LossyFault.DropRequest, profile.DropRequest);
        yield return (LossyFault.DropResponse, profile.DropResponse);
        yield return (LossyFault.DuplicateRequest, profile.DuplicateRequest);
        yield return (LossyFault.DuplicateRequestAfterAnswer, profile.DuplicateRequestAfterAnswer);
        yield return (LossyFault.DuplicateResponse, profile.DuplicateResponse);
        yield return (LossyFault.DelayRequest, profile.DelayRequest);
        yield return (LossyFault.DelayResponse, profile.DelayResponse);
        yield return (LossyFault.ReorderRequest, profile.ReorderRequest);
        yield return (LossyFault.ReorderResponse, profile.ReorderResponse);
    }

    // Under the lock: a replay needs an earlier response of the same sequence; a hold needs a free slot.
    private bool Applicable(LossyFault fault, LossyExchange exchange) => fault switch
    {
        LossyFault.DuplicateResponse => exchange.SequenceId is { } id && _stale.TryGetValue(id, out var kept) && kept.Count > 0,
        LossyFault.ReorderRequest => _reservedRequestHolds < _profile.MaxHeld,
        LossyFault.ReorderResponse => _reservedResponseHolds < _profile.MaxHeld,
        _ => true,
    };

    private Roll Reserve(Roll roll)
    {
        if (roll.Fault == LossyFault.ReorderRequest) _reservedRequestHolds++;
        if (roll.Fault == LossyFault.ReorderResponse) _reservedResponseHolds++;
        return roll;
    }

    // Waits until an exchange that arrived later passes this point (Overtake): true; or MaxHold: false.
    private async Task<bool> HoldAsync(LossyExchange exchange, List<(int, TaskCompletionSource)> held, CancellationToken cancel)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock) held.Add((exchange.Index, signal));
        try
        {
            var released = await Task.WhenAny(signal.Task, Task.Delay(_profile.MaxHold, cancel));
            cancel.ThrowIfCancellationRequested();
            exchange.Overtaken = released == signal.Task;
            return exchange.Overtaken;
        }
        finally
        {
            lock (_lock) held.RemoveAll(h => h.Item2 == signal);
        }
    }

    // Exchange `index` has passed: release the holds of exchanges that arrived before it.
    private void Overtake(List<(int Index, TaskCompletionSource Overtaken)> held, int index)
    {
        lock (_lock)
            foreach (var (heldIndex, signal) in held)
                if (heldIndex < index) signal.TrySetResult();
    }

    private void Keep(string? sequenceId, CapturedResponse response)
    {
        if (sequenceId is null || response.Status != 200 || response.Body.Length == 0) return;
        lock (_lock)
        {
            if (!_stale.TryGetValue(sequenceId, out var kept)) _stale[sequenceId] = kept = [];
            kept.Add(response);
            if (kept.Count > StaleKept) kept.RemoveAt(0);
        }
    }

    private sealed record CapturedResponse(int Status, string? ContentType, byte[] Body);

    private async Task<CapturedResponse> ForwardAsync(HttpRequest request, byte[] body, LossyExchange exchange, CancellationToken cancel)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _target) { Version = HttpVersion.Version11 };
        message.Content = new SignallingContent(body, () =>
        {
            exchange.OnCopyForwarded();
            Interlocked.Increment(ref _forwarded);
            Overtake(_heldRequests, exchange.Index);
        });
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        if (request.Headers.TryGetValue("SOAPAction", out var soapAction)) message.Headers.TryAddWithoutValidation("SOAPAction", soapAction.ToString());
        using var response = await _client.SendAsync(message, cancel);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancel);
        return new CapturedResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), bytes);
    }

    /// <summary>Request content that reports, once, when its bytes have been written to the connection.</summary>
    private sealed class SignallingContent(byte[] body, Action written) : HttpContent
    {
        private int _signalled;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(body, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (Interlocked.Exchange(ref _signalled, 1) == 0) written();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    // The wsa:Action and the wsrm:Sequence header (either RM version) of an envelope; nulls when absent or unreadable.
    private static (string? Action, string? SequenceId, ulong? Number) Parse(byte[] envelope)
    {
        string? action = null, id = null;
        ulong? number = null;
        try
        {
            using var r = XmlReader.Create(new MemoryStream(envelope), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true,
            });
            r.MoveToContent();
            if (r.LocalName != "Envelope") return (null, null, null);
            r.Read();
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "Header" || r.IsEmptyElement) return (null, null, null);
            r.Read();
            while (r.NodeType == XmlNodeType.Element)
            {
                if (r.LocalName == "Action" && r.NamespaceURI.Contains("addressing", StringComparison.Ordinal))
                {
                    action = r.ReadElementContentAsString().Trim();
                }
                else if (r.LocalName == "Sequence" && r.NamespaceURI is Rm10 or Rm11 && !r.IsEmptyElement)
                {
                    var depth = r.Depth;
                    r.Read();
                    while (r.Depth > depth)
                    {
                        if (r.NodeType == XmlNodeType.Element && r.LocalName == "Identifier") id = r.ReadElementContentAsString().Trim();
                        else if (r.NodeType == XmlNodeType.Element && r.LocalName == "MessageNumber") number = ulong.Parse(r.ReadElementContentAsString().Trim(), System.Globalization.CultureInfo.InvariantCulture);
                        else if (r.NodeType == XmlNodeType.Element) r.Skip();
                        else r.Read();
                    }
                    r.Read();
                }
                else
                {
                    r.Skip();
                }
            }
        }
        catch (Exception e) when (e is XmlException or FormatException or OverflowException)
        {
            // Not an envelope this forwarder understands: no sequence, no replays.
        }
        return (action, id, number);
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        if (_app is not null)
        {
            await _app.StopAsync().Within(Bounded.Short);
            await _app.DisposeAsync().Within(Bounded.Short);
        }
        _client.Dispose();
        _closing.Dispose();
    }
}
