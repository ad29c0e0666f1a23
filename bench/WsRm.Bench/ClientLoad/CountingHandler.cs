using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// Counts every HTTP request a client sends and the status that answers it (both clients get one, so a
/// retransmission or a 503 shows whichever client made it). With WSRM_BENCH_WIRE set to a file path, also writes one
/// line per exchange (time, message number, action, status, acknowledgement ranges and BufferRemaining) to it.
/// </summary>
internal sealed partial class CountingHandler(HttpStats stats, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly StreamWriter? Wire = Environment.GetEnvironmentVariable("WSRM_BENCH_WIRE") is { Length: > 0 } path
        ? new StreamWriter($"{path}.{Environment.ProcessId}", append: false) { AutoFlush = true }
        : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        stats.Request();
        string? sent = null;
        var started = Stopwatch.GetTimestamp();
        if (Wire is not null && request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            sent = Summary(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            stats.Error();
            Write($"{sent} -> {e.GetType().Name}");
            throw;
        }
        stats.Status((int)response.StatusCode);
        if (Wire is not null)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Write($"{sent} -> {(int)response.StatusCode} {Summary(body)} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}ms");
        }
        return response;
    }

    private static void Write(string line)
    {
        if (Wire is null) return;
        lock (Wire) Wire.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    private static string Summary(string xml)
    {
        if (xml.Length == 0) return "(empty)";
        var b = new StringBuilder();
        if (ActionRx().Match(xml) is { Success: true } a) b.Append(a.Groups[1].Value[(a.Groups[1].Value.LastIndexOf('/') + 1)..]);
        if (NumberRx().Match(xml) is { Success: true } n) b.Append(" #").Append(n.Groups[1].Value);
        if (xml.Contains("AckRequested", StringComparison.Ordinal)) b.Append(" AckReq");
        foreach (Match r in RangeRx().Matches(xml)) b.Append(" [").Append(r.Groups[1].Value.Trim()).Append(']');
        if (BufferRx().Match(xml) is { Success: true } buf) b.Append(" buf=").Append(buf.Groups[1].Value);
        if (xml.Contains("Fault", StringComparison.Ordinal)) b.Append(" FAULT ").Append(xml.Length > 600 ? xml[..600] : xml);
        return b.ToString();
    }

    [GeneratedRegex(@"<a:Action[^>]*>([^<]*)<")]
    private static partial Regex ActionRx();

    [GeneratedRegex(@"MessageNumber>(\d+)<")]
    private static partial Regex NumberRx();

    [GeneratedRegex(@"AcknowledgementRange([^>]*?)/?>")]
    private static partial Regex RangeRx();

    [GeneratedRegex(@"BufferRemaining[^>]*>(\d+)<")]
    private static partial Regex BufferRx();
}
