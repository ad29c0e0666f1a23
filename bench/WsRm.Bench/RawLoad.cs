using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host;

namespace WsRm.Bench;

/// <summary>
/// The server alone, without the WCF client's cost: pre-built WS-RM 1.1 / SOAP 1.2 envelopes posted with HttpClient,
/// one request at a time per session, over 1 and 16 sessions at once, for request-reply Echo and one-way Post. Every
/// answer is checked for its acknowledgement, so a dropped or faulted message stops the run. The plain endpoint under
/// the same load is the baseline; the configurations take turns round by round, and each round's reliable/plain ratio
/// is reported with the median rates, so machine noise hits both sides of a ratio alike.
/// </summary>
internal static partial class RawLoad
{
    private const string Rm = "http://docs.oasis-open.org/ws-rx/wsrm/200702";
    private const string EchoAction = "urn:wsrm:samples/IEchoService/Echo";
    private const string PostAction = "urn:wsrm:samples/IEchoService/Post";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var database = Path.Combine(Path.GetTempPath(), $"wsrm-bench-{Environment.ProcessId}.db");
        await using var app = HostApp.Build(["--urls", "http://127.0.0.1:0", "--WsRm:MaxPendingChannels", "1000",
            "--Samples:PostedTexts", "Memory", "--WsRm:Storage:ConnectionString", $"Data Source={database}"], b => b.Logging.ClearProviders());
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/echo";
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 });
        Console.WriteLine($"server-only load on {url}: WS-RM 1.1, SOAP 1.2, {args.Calls} requests per session per round, {args.Rounds} rounds, configurations taking turns");

        // A whole pass first, not reported: tiered JIT needs thousands of calls before the code it measures is final.
        await MeasureAsync(http, url, args with { Rounds = 2 }, report: false);
        await MeasureAsync(http, url, args, report: true);
        await app.StopAsync();
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, string url, BenchArgs args, bool report)
    {
        foreach (var (workload, action) in new[] { ("Echo", EchoAction), ("Post", PostAction) })
        foreach (var sessions in new[] { 1, 16 })
        {
            var plain = new List<double>();
            var reliable = new List<double>();
            double plainCpu = 0, reliableCpu = 0;
            var process = Process.GetCurrentProcess();
            for (var round = 0; round < args.Rounds; round++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => RunPlainAsync(http, url.Replace("/echo", "/plain/echo"), action, args.Calls)));
                plain.Add(sessions * args.Calls / clock.Elapsed.TotalSeconds);
                process.Refresh();
                plainCpu += (process.TotalProcessorTime - cpu).TotalMicroseconds;

                var ids = await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => CreateSequenceAsync(http, url)));
                process.Refresh();
                cpu = process.TotalProcessorTime;
                clock.Restart();
                await Task.WhenAll(ids.Select(id => RunSessionAsync(http, url, action, id, args.Calls)));
                clock.Stop();
                reliable.Add(sessions * args.Calls / clock.Elapsed.TotalSeconds);
                process.Refresh();
                reliableCpu += (process.TotalProcessorTime - cpu).TotalMicroseconds;
                await Task.WhenAll(ids.Select(id => TerminateAsync(http, url, id, (ulong)args.Calls)));
            }
            var requests = (double)args.Rounds * sessions * args.Calls;
            if (report) Print(workload, sessions, plain, reliable, plainCpu / requests, reliableCpu / requests);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    // CPU is the whole process's (load generator and server) per request: steadier than rates on a busy machine.
    private static void Print(string workload, int sessions, List<double> plain, List<double> reliable, double plainCpu, double reliableCpu) =>
        Console.WriteLine($"{workload}, {sessions,2} session(s): plain median {Median(plain),6:F0}/s, WS-RM median {Median(reliable),6:F0}/s, " +
            $"reliable/plain median of rounds {Median(plain.Zip(reliable, (p, r) => r / p)):P0} (rounds {string.Join(" ", plain.Zip(reliable, (p, r) => (r / p).ToString("P0")))}); " +
            $"CPU per request plain {plainCpu:F0} us, WS-RM {reliableCpu:F0} us");

    private static string Body(string action) => action == EchoAction
        ? "<Echo xmlns=\"urn:wsrm:samples\"><text>hello</text></Echo>"
        : "<Post xmlns=\"urn:wsrm:samples\"><text>bench</text></Post>";

    private static async Task RunSessionAsync(HttpClient http, string url, string action, string id, int calls)
    {
        for (ulong n = 1; n <= (ulong)calls; n++)
        {
            var reply = await PostAsync(http, url, action, Envelope(url, action,
                $"<r:Sequence s:mustUnderstand=\"1\"><r:Identifier>{id}</r:Identifier><r:MessageNumber>{n}</r:MessageNumber></r:Sequence>",
                Body(action)));
            if (!reply.Contains($"Upper=\"{n}\" Lower=\"1\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"message {n} of {id} was not acknowledged: {reply}");
        }
    }

    private static async Task RunPlainAsync(HttpClient http, string url, string action, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var reply = await PostAsync(http, url, action, Envelope(url, action, "", Body(action)));
            if (action == EchoAction && !reply.Contains("<EchoResult>hello</EchoResult>", StringComparison.Ordinal)) throw new InvalidOperationException("bad reply: " + reply);
        }
    }

    private static async Task<string> CreateSequenceAsync(HttpClient http, string url)
    {
        var reply = await PostAsync(http, url, Rm + "/CreateSequence", Envelope(url, Rm + "/CreateSequence", "",
            $"<r:CreateSequence><r:AcksTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></r:AcksTo>" +
            $"<r:Offer><r:Identifier>urn:uuid:{Guid.NewGuid()}</r:Identifier><r:Endpoint><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></r:Endpoint></r:Offer></r:CreateSequence>"));
        return IdentifierPattern().Match(reply) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no sequence: " + reply);
    }

    private static Task<string> TerminateAsync(HttpClient http, string url, string id, ulong last) =>
        PostAsync(http, url, Rm + "/TerminateSequence", Envelope(url, Rm + "/TerminateSequence", "",
            $"<r:TerminateSequence><r:Identifier>{id}</r:Identifier><r:LastMsgNumber>{last}</r:LastMsgNumber></r:TerminateSequence>"));

    private static string Envelope(string to, string action, string rmHeaders, string body) =>
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\" xmlns:r=\"" + Rm + "\"><s:Header>" +
        rmHeaders + $"<a:Action s:mustUnderstand=\"1\">{action}</a:Action><a:MessageID>urn:uuid:{Guid.NewGuid()}</a:MessageID>" +
        $"<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo><a:To s:mustUnderstand=\"1\">{to}</a:To></s:Header>" +
        $"<s:Body>{body}</s:Body></s:Envelope>";

    private static async Task<string> PostAsync(HttpClient http, string url, string action, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action=\"{action}\"");
        using var response = await http.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted)) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {text}");
        return text;
    }

    [GeneratedRegex("<r:Identifier>([^<]+)</r:Identifier>")]
    private static partial Regex IdentifierPattern();
}
