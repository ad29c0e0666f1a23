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
/// The server alone, without the WCF client's cost: pre-built WS-RM 1.1 / SOAP 1.2 echo envelopes posted with
/// HttpClient, one request at a time per session, over 1 and 16 sessions at once. Every reply is checked for its
/// acknowledgement, so a dropped or faulted message stops the run. The plain endpoint under the same load is the
/// baseline.
/// </summary>
internal static partial class RawLoad
{
    private const string Rm = "http://docs.oasis-open.org/ws-rx/wsrm/200702";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        await using var app = HostApp.Build(["--urls", "http://127.0.0.1:0", "--WsRm:MaxPendingChannels", "1000"], b => b.Logging.ClearProviders());
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/echo";
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 });
        Console.WriteLine($"server-only load on {url}: WS-RM 1.1, SOAP 1.2, {args.Calls} echo requests per session per round, {args.Rounds} rounds");

        // A whole pass first, not reported: tiered JIT needs thousands of calls before the code it measures is final.
        await MeasureAsync(http, url, args with { Rounds = 2 }, report: false);
        await MeasureAsync(http, url, args, report: true);
        await app.StopAsync();
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, string url, BenchArgs args, bool report)
    {
        foreach (var clients in new[] { 1, 16 })
        {
            var rates = new List<double>();
            for (var round = 0; round < args.Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => RunPlainAsync(http, url.Replace("/echo", "/plain/echo"), args.Calls)));
                rates.Add(clients * args.Calls / clock.Elapsed.TotalSeconds);
            }
            if (report) Print($"plain /plain/echo, {clients,2} client(s) ", rates);
        }

        foreach (var sessions in new[] { 1, 16 })
        {
            var rates = new List<double>();
            for (var round = 0; round < args.Rounds; round++)
            {
                var ids = await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => CreateSequenceAsync(http, url)));
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(ids.Select(id => RunSessionAsync(http, url, id, args.Calls)));
                clock.Stop();
                rates.Add(sessions * args.Calls / clock.Elapsed.TotalSeconds);
                await Task.WhenAll(ids.Select(id => TerminateAsync(http, url, id, (ulong)args.Calls)));
            }
            if (report) Print($"WS-RM /echo,       {sessions,2} session(s)", rates);
        }
    }

    private static void Print(string label, List<double> rates) =>
        Console.WriteLine($"{label}: median {rates.Order().ElementAt(rates.Count / 2),7:F0} requests/s  (min {rates.Min():F0}, max {rates.Max():F0})");

    private static async Task RunSessionAsync(HttpClient http, string url, string id, int calls)
    {
        for (ulong n = 1; n <= (ulong)calls; n++)
        {
            var reply = await PostAsync(http, url, "urn:wsrm:samples/IEchoService/Echo", Envelope(url, "urn:wsrm:samples/IEchoService/Echo",
                $"<r:Sequence s:mustUnderstand=\"1\"><r:Identifier>{id}</r:Identifier><r:MessageNumber>{n}</r:MessageNumber></r:Sequence>",
                "<Echo xmlns=\"urn:wsrm:samples\"><text>hello</text></Echo>"));
            if (!reply.Contains($"Upper=\"{n}\" Lower=\"1\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"message {n} of {id} was not acknowledged: {reply}");
        }
    }

    private static async Task RunPlainAsync(HttpClient http, string url, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var reply = await PostAsync(http, url, "urn:wsrm:samples/IEchoService/Echo",
                Envelope(url, "urn:wsrm:samples/IEchoService/Echo", "", "<Echo xmlns=\"urn:wsrm:samples\"><text>hello</text></Echo>"));
            if (!reply.Contains("<EchoResult>hello</EchoResult>", StringComparison.Ordinal)) throw new InvalidOperationException("bad reply: " + reply);
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
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {text}");
        return text;
    }

    [GeneratedRegex("<r:Identifier>([^<]+)</r:Identifier>")]
    private static partial Regex IdentifierPattern();
}
