using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Testing;

/// <summary>
/// A fault-injecting HTTP forwarder on loopback between a client and a real service. Each exchange gets at most one
/// fault, chosen in arrival order by a seeded <see cref="Random"/> (<see cref="LossyProfile"/>): the request or the
/// response dropped (the client's connection aborted), the request forwarded twice (at once, or the second copy after
/// the first was answered), an earlier response of the same sequence returned instead of the real one, the request or
/// the response delayed, or the request or the response held back until one that arrived after it has overtaken it.
/// Scripts (<see cref="Script"/>) apply chosen faults, those above and the transport failures of a broken gateway
/// (a reset mid-response, a 502/503/500 HTML page, a 404, a response that never comes), to chosen actions; a
/// blackhole loses everything after the first requests; <see cref="StopAsync"/> closes the port. Bounded: at most
/// <see cref="LossyProfile.MaxFaults"/> random faults, delays up to <see cref="LossyProfile.MaxDelay"/>, at most
/// <see cref="LossyProfile.MaxHeld"/> held at once for at most <see cref="LossyProfile.MaxHold"/>, request bodies up to
/// 1 MiB; then it forwards faithfully. Counters say how often each fault actually happened; <see cref="Exchanges"/> is
/// the full log. The forwarded request keeps the client's path and query, on the target's host and port.
/// </summary>
public sealed partial class LossyForwarder : IAsyncDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly Uri _target;
    private readonly LossyProfile _profile;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly HttpClient _client;
    private readonly LoopbackServer _host;
    private readonly List<LossyExchange> _exchanges = [];
    private readonly TaskCompletionSource<TimeSpan> _stallAbandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stallStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _droppedRequests, _droppedResponses, _duplicatedRequests, _duplicatedResponses;
    private int _delayedRequests, _delayedResponses, _reorderedRequests, _reorderedResponses;
    private int _requestHoldsExpired, _responseHoldsExpired, _forwarded, _exempted;

    private LossyForwarder(Uri target, int seed, LossyProfile profile, TimeProvider time)
    {
        _target = target;
        _profile = profile;
        _time = time;
        _started = time.GetTimestamp();
        _random = new Random(seed);
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Bounded.Long,
        };
        _host = new LoopbackServer(app => app.Run(HandleAsync));
    }

    /// <summary>Where the client posts (its Via): the forwarder's port with the target's path.</summary>
    public Uri Address => new(_host.BaseAddress, _target.PathAndQuery);

    /// <summary>The forwarder's own base address.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The address of <paramref name="path"/> on this forwarder (forwarded to the same path on the target).</summary>
    public Uri Url(string path) => _host.Url(path);

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

    /// <summary>Requests left alone because their action is in <see cref="LossyProfile.Exempt"/>.</summary>
    public int Exempted => Volatile.Read(ref _exempted);

    /// <summary>Request copies written to the service (duplicates and retransmissions included, drops excluded).</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

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

    /// <summary>Every exchange so far, in arrival order.</summary>
    public IReadOnlyList<LossyExchange> Exchanges
    {
        get { lock (_lock) return [.. _exchanges]; }
    }

    /// <summary>The exchange indices in the order their request copies were written to the service (one entry per copy).</summary>
    public IReadOnlyList<int> RequestOrder
    {
        get { lock (_lock) return [.. _requestOrder]; }
    }

    /// <summary>The exchange indices in the order their responses were written to the client (dropped ones excluded).</summary>
    public IReadOnlyList<int> ResponseOrder
    {
        get { lock (_lock) return [.. _responseOrder]; }
    }

    /// <summary>Completes when a response starts to be held for <see cref="LossyFault.StallResponse"/>.</summary>
    public Task StallStarted => _stallStarted.Task;

    /// <summary>Completes, with how long the response had been held (on the forwarder's clock), when a client gives up on a stalled response.</summary>
    public Task<TimeSpan> StallAbandoned => _stallAbandoned.Task;

    /// <summary>The counters in one line, for test output and failure messages.</summary>
    public string Summary =>
        $"{Requests} requests, {Forwarded} copies forwarded, {Injected} random faults: dropped {DroppedRequests} requests / {DroppedResponses} responses, " +
        $"duplicated {DuplicatedRequests} requests / {DuplicatedResponses} responses, delayed {DelayedRequests} requests / {DelayedResponses} responses, " +
        $"reordered {ReorderedRequests} requests / {ReorderedResponses} responses ({HoldsExpired} holds expired)";

    /// <summary>
    /// Starts a forwarder to <paramref name="target"/>'s host and port. <paramref name="time"/> runs its delays, holds
    /// and stalls (default: the system clock).
    /// </summary>
    public static async Task<LossyForwarder> StartAsync(Uri target, int seed, LossyProfile? profile = null, TimeProvider? time = null)
    {
        profile ??= LossyProfile.Hostile;
        profile.Validate();
        var forwarder = new LossyForwarder(target, seed, profile, time ?? TimeProvider.System);
        await forwarder._host.StartAsync().ConfigureAwait(false);
        return forwarder;
    }

    /// <summary>Requests received whose envelope mentions <paramref name="identifier"/> (Sequence, AckRequested, Close, Terminate, acknowledgements).</summary>
    public int RequestsMentioning(string identifier)
    {
        lock (_lock) return _exchanges.Count(e => e.Body.Contains(identifier, StringComparison.Ordinal));
    }

    /// <summary>Closes the port: new connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => _host.StopAsync();

    /// <summary>Listens again on the same port.</summary>
    public Task StartAgainAsync() => _host.StartAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closing.Token);
        var cancel = linked.Token;
        LossyExchange? exchange = null;
        FaultRoll roll = default;
        try
        {
            if (await ReadBodyAsync(context.Request, cancel).ConfigureAwait(false) is not { } body)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            var headers = EnvelopeHeaders.Read(body);
            string? soapAction = context.Request.Headers["SOAPAction"];
            lock (_lock)
            {
                exchange = new LossyExchange
                {
                    Index = _exchanges.Count, ArrivedAt = _time.GetElapsedTime(_started),
                    Action = headers?.Action ?? (string.IsNullOrEmpty(soapAction) ? null : soapAction.Trim('"')),
                    SequenceId = headers?.SequenceId, MessageNumber = headers?.MessageNumber, Body = Encoding.UTF8.GetString(body),
                };
                _exchanges.Add(exchange);
                roll = Decide(exchange);
                exchange.Fault = roll.Fault;
            }
            await ApplyAsync(context, exchange, roll, body, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // The client gave up, the forwarder is stopping, or the service is unreachable: lose the exchange.
            context.Abort();
        }
        finally
        {
            Release(roll);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        await _host.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
        _closing.Dispose();
    }
}
