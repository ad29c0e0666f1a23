using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// An HTTP intermediary on loopback that forwards POSTs to a target and loses some of them: with a seeded random
/// source it drops requests (never forwarded) and responses (forwarded, then the client connection is aborted).
/// Start with <see cref="StartAsync"/>; disposing stops it.
/// </summary>
public sealed class LossyForwarder : IAsyncDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;
    private const int MaxJournalEntries = 2000;

    private readonly Uri _target;
    private readonly LossyForwarderOptions _options;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly List<(long Milliseconds, string? Action, ForwarderFate Fate)> _journal = [];
    private readonly Dictionary<string, int> _dropsPerMessage = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HttpClient _client;
    private WebApplication? _app;
    private int _forwarded, _droppedRequests, _droppedResponses, _exempt;

    private LossyForwarder(Uri target, LossyForwarderOptions options)
    {
        _target = target;
        _options = options;
        _random = new Random(options.Seed);
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The forwarder's own base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests that reached the target (including those whose response was then dropped, and exempt ones).</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Requests dropped before reaching the target.</summary>
    public int DroppedRequests => Volatile.Read(ref _droppedRequests);

    /// <summary>Responses dropped after the target answered.</summary>
    public int DroppedResponses => Volatile.Read(ref _droppedResponses);

    /// <summary>Requests forwarded untouched because their action is exempt.</summary>
    public int Exempt => Volatile.Read(ref _exempt);

    /// <summary>One line per request (number, time since start, action, fate), oldest first, for failure messages.</summary>
    public string Journal
    {
        get
        {
            lock (_lock)
            {
                return string.Join(Environment.NewLine,
                    _journal.Select((e, i) => $"{i + 1} +{e.Milliseconds}ms: {e.Action ?? "(no action)"} -> {e.Fate}"));
            }
        }
    }

    /// <summary>The fate of every request so far, in arrival order.</summary>
    public IReadOnlyList<ForwarderFate> Fates
    {
        get { lock (_lock) return _journal.Select(e => e.Fate).ToArray(); }
    }

    /// <summary>Starts a forwarder to <paramref name="target"/> (scheme, host and port; the request path is kept).</summary>
    public static async Task<LossyForwarder> StartAsync(Uri target, LossyForwarderOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var forwarder = new LossyForwarder(target, options);
        var app = KestrelLoopback.CreateBuilder().Build();
        app.Run(forwarder.HandleAsync);
        forwarder._app = app;
        forwarder.BaseAddress = await KestrelLoopback.StartAsync(app);
        return forwarder;
    }

    /// <summary>The address of <paramref name="path"/> on this forwarder.</summary>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await KestrelLoopback.StopAsync(_app);
        _client.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        string? soapAction = context.Request.Headers["SOAPAction"];
        var text = Encoding.UTF8.GetString(body);
        var fate = Decide(SoapSniffer.Action(text, soapAction), SoapSniffer.SequenceMessage(text));
        if (fate == ForwarderFate.DropRequest)
        {
            Interlocked.Increment(ref _droppedRequests);
            context.Abort();
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_target, context.Request.Path + context.Request.QueryString))
        {
            Content = new ByteArrayContent(body),
        };
        if (context.Request.ContentType is { } contentType) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (soapAction is not null) request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);

        using var response = await _client.SendAsync(request, context.RequestAborted);
        var responseBody = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        Interlocked.Increment(ref _forwarded);
        if (fate == ForwarderFate.DropResponse)
        {
            Interlocked.Increment(ref _droppedResponses);
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } responseType) context.Response.ContentType = responseType.ToString();
        if (responseBody.Length > 0) await context.Response.Body.WriteAsync(responseBody, context.RequestAborted);
    }

    private ForwarderFate Decide(string? action, string? sequenceMessage)
    {
        lock (_lock)
        {
            ForwarderFate fate;
            if (action is not null && _options.ExemptActions.Contains(action))
            {
                Interlocked.Increment(ref _exempt);
                fate = ForwarderFate.Exempt;
            }
            else if (_random.NextDouble() < _options.RequestDropRate) fate = ForwarderFate.DropRequest;
            else if (_random.NextDouble() < _options.ResponseDropRate) fate = ForwarderFate.DropResponse;
            else fate = ForwarderFate.Forward;

            if (fate is ForwarderFate.DropRequest or ForwarderFate.DropResponse && sequenceMessage is not null
                && _options.MaxDropsPerMessage is { } maxDrops)
            {
                var drops = _dropsPerMessage.GetValueOrDefault(sequenceMessage);
                if (drops >= maxDrops) fate = ForwarderFate.Forward;
                else if (_dropsPerMessage.Count < MaxJournalEntries) _dropsPerMessage[sequenceMessage] = drops + 1;
            }

            if (_journal.Count < MaxJournalEntries) _journal.Add((_clock.ElapsedMilliseconds, action, fate));
            return fate;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
