using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// A WS-RM destination on real Kestrel (127.0.0.1, ephemeral port) that answers one-way messages with HTTP 202 and
/// no acknowledgement, the way gSOAP and stacks that acknowledge later do; <see cref="LateAckMode"/> says when it
/// acknowledges. It speaks both RM versions and both SOAP versions (answering in the request's), keeps one sequence
/// (with the offered reply sequence) at a time, and records what it received so tests assert on the wire.
/// </summary>
internal sealed partial class LateAckDestination : IAsyncDisposable
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, LateAckSequence> _sequences = new(StringComparer.Ordinal);
    private readonly HashSet<ulong> _dropped = [];
    private readonly List<string> _posts = [];
    private readonly List<string> _actions = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waits = [];
    private WebApplication _app = null!;
    private LateAckSequence? _last;
    private int _ackRequestedHeaders;
    private (SoapFault Fault, int Status)? _faultNext;

    private LateAckDestination(LateAckMode mode) => Mode = mode;

    public LateAckMode Mode { get; }

    /// <summary>The HTTP status of an answer that is an acknowledgement alone: 200, or 202 as some stacks send it.</summary>
    public int AcknowledgementStatus { get; init; } = 200;

    /// <summary>
    /// Every answer that carries an acknowledgement carries those of every sequence it knows (gSOAP does so for the
    /// sequences that share an AcksTo): a session's acknowledgements may arrive on another session's response.
    /// </summary>
    public bool AcknowledgeEverySequence { get; init; }

    /// <summary>The identifier of the sequence it accepted last, or null.</summary>
    public string? SequenceId { get { lock (_sync) return _last?.Id; } }

    /// <summary>The service's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Texts of the posts received, in order of first receipt (duplicates not repeated, dropped ones absent).</summary>
    public string[] Posts { get { lock (_sync) return [.. _posts]; } }

    /// <summary>Standalone AckRequested messages received.</summary>
    public int StandaloneAckRequests { get { lock (_sync) return _actions.Count(a => a.EndsWith("/AckRequested", StringComparison.Ordinal)); } }

    /// <summary>Application messages that carried an AckRequested header.</summary>
    public int AckRequestedHeaders { get { lock (_sync) return _ackRequestedHeaders; } }

    /// <summary>CloseSequence messages received.</summary>
    public int CloseSequences { get { lock (_sync) return _actions.Count(a => a.EndsWith("/CloseSequence", StringComparison.Ordinal)); } }

    /// <summary>Every action received, in order.</summary>
    public string[] Actions { get { lock (_sync) return [.. _actions]; } }

    public static async Task<LateAckDestination> StartAsync(LateAckMode mode, int acknowledgementStatus = 200, bool acknowledgeEverySequence = false,
        LateAckTerminateAnswer terminateAnswer = LateAckTerminateAnswer.ReplySequence)
    {
        var destination = new LateAckDestination(mode)
        {
            AcknowledgementStatus = acknowledgementStatus,
            AcknowledgeEverySequence = acknowledgeEverySequence,
            TerminateAnswer = terminateAnswer,
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/late", destination.HandleAsync);
        await app.StartAsync().Within(Bounded.Short);
        destination._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        destination.Address = new Uri(new Uri(address), "/late");
        return destination;
    }

    /// <summary>How many times message <paramref name="number"/> of the last sequence arrived.</summary>
    public int TransmissionsOf(ulong number)
    {
        lock (_sync) return _last?.Transmissions.GetValueOrDefault(number) ?? 0;
    }

    /// <summary>WhenReleased: everything received so far, on every sequence, may now be acknowledged.</summary>
    public void Release()
    {
        lock (_sync)
            foreach (var sequence in _sequences.Values) sequence.Released.UnionWith(sequence.Received);
    }

    /// <summary>Answers message <paramref name="number"/> (of any sequence) 202 every time and discards it (gSOAP does so with a message out of order).</summary>
    public void Drop(ulong number)
    {
        lock (_sync) _dropped.Add(number);
    }

    /// <summary>Answers the next one-way message with <paramref name="fault"/> and HTTP <paramref name="status"/> instead.</summary>
    public void FaultNextOneWay(SoapFault fault, int status)
    {
        lock (_sync) _faultNext = (fault, status);
    }

    /// <summary>Completes when <paramref name="condition"/> holds after some request (or now).</summary>
    public Task WhenAsync(Func<LateAckDestination, bool> condition)
    {
        lock (_sync)
        {
            if (condition(this)) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((() => condition(this), done));
            return done.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().Within(Bounded.Short);
        await _app.DisposeAsync().Within(Bounded.Short);
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var message = EnvelopeReader.Read(buffer.ToArray());
        (int Status, OutgoingMessage? Answer) answer;
        lock (_sync)
        {
            _actions.Add(message.Action ?? "");
            answer = Answer(message, message.RmVersion ?? RmVersion.FromAction(message.Action) ?? RmVersion.Rm11);
        }
        http.Response.StatusCode = answer.Status;
        if (answer.Answer is { } outgoing)
        {
            var bytes = EnvelopeWriter.ToArray(outgoing);
            http.Response.ContentType = message.Version.ContentType(outgoing.EffectiveAction);
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
        await http.Response.CompleteAsync();
        lock (_sync)
        {
            foreach (var wait in _waits.Where(w => w.Condition()).ToList())
            {
                _waits.Remove(wait);
                wait.Done.TrySetResult();
            }
        }
    }

    private static string? ReadText(SoapMessage message)
    {
        using var r = message.CreateBodyReader();
        return r.ReadToDescendant("text", EchoContract.Ns) ? r.ReadElementContentAsString() : null;
    }

    private static SequenceAcknowledgement? Acknowledgement(string id, SortedSet<ulong> numbers, bool final = false)
    {
        if (numbers.Count == 0) return null;
        var ranges = new List<AckRange>();
        foreach (var n in numbers)
        {
            if (ranges.Count > 0 && ranges[^1].Upper + 1 == n) ranges[^1] = ranges[^1] with { Upper = n };
            else ranges.Add(new AckRange(n, n));
        }
        return new SequenceAcknowledgement { Identifier = id, Ranges = ranges, Final = final };
    }
}
