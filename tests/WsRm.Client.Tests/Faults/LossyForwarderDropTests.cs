using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Client.Tests.Faults;

/// <summary>
/// The <see cref="LossyForwarder"/> as the interop tests use it, against a trivial target (independent of the WsRm
/// server): faithful copies of body, content type, SOAPAction and status; random request and response drops, counted
/// and repeatable by seed; exempt actions; at most MaxDropsPerMessage drops of one sequence message.
/// </summary>
public sealed class LossyForwarderDropTests
{
    private static readonly TimeSpan Timeout = Bounded.Long;
    private const string CreateSequence = "http://docs.oasis-open.org/ws-rx/wsrm/200702/CreateSequence";

    [Fact]
    public async Task Lossless_forwarding_copies_body_content_type_soap_action_and_status()
    {
        await using var target = await EchoTarget.StartAsync();
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, seed: 0, LossyProfile.Faithful);
        using var http = NewClient();

        using var ok = await PostAsync(http, forwarder.Url("/echo"), "<x>héllo</x>", "text/xml; charset=utf-8", "\"urn:a\"");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", ok.Content.Headers.ContentType?.ToString());
        Assert.Equal("\"urn:a\"|<x>héllo</x>", await ok.Content.ReadAsStringAsync().WaitAsync(Timeout));

        using var fail = await PostAsync(http, forwarder.Url("/fail"), "x", "application/soap+xml; charset=utf-8", null);
        Assert.Equal(HttpStatusCode.InternalServerError, fail.StatusCode);
        Assert.Equal("boom", await fail.Content.ReadAsStringAsync().WaitAsync(Timeout));

        Assert.Equal((2, 2, 0, 0), (target.Requests, forwarder.Forwarded, forwarder.DroppedRequests, forwarder.DroppedResponses));
    }

    [Fact]
    public async Task Lossy_forwarding_drops_requests_and_responses_and_counts_them()
    {
        await using var target = await EchoTarget.StartAsync();
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, seed: 7, LossyProfile.Dropping(0.3, 0.3));
        using var http = NewClient();

        var (succeeded, failed) = await SendManyAsync(http, forwarder, 50);

        Assert.True(forwarder.DroppedRequests > 0, "no request was dropped");
        Assert.True(forwarder.DroppedResponses > 0, "no response was dropped");
        Assert.Equal(50, succeeded + failed);
        Assert.Equal(forwarder.DroppedRequests + forwarder.DroppedResponses, failed);
        Assert.Equal(target.Requests, forwarder.Forwarded);
        Assert.Equal(50 - forwarder.DroppedRequests, forwarder.Forwarded);
    }

    [Fact]
    public async Task Same_seed_drops_the_same_messages()
    {
        var runs = new List<LossyFault[]>();
        for (var run = 0; run < 2; run++)
        {
            await using var target = await EchoTarget.StartAsync();
            await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, seed: 42, LossyProfile.Dropping(0.25, 0.25));
            using var http = NewClient();
            await SendManyAsync(http, forwarder, 20);
            runs.Add([.. forwarder.Exchanges.Select(e => e.Fault)]);
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Contains(LossyFault.DropRequest, runs[0]);
        Assert.Contains(LossyFault.DropResponse, runs[0]);
    }

    [Fact]
    public async Task Exempt_actions_are_never_dropped()
    {
        await using var target = await EchoTarget.StartAsync();
        var profile = LossyProfile.Dropping(1.0, 0) with { Exempt = new HashSet<string>(StringComparer.Ordinal) { CreateSequence } };
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, seed: 0, profile);
        using var http = NewClient();
        const string soap12CreateSequence =
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">" +
            $"<s:Header><a:Action s:mustUnderstand=\"1\">{CreateSequence}</a:Action></s:Header><s:Body/></s:Envelope>";

        for (var i = 0; i < 5; i++)
        {
            using var response = await PostAsync(http, forwarder.Url("/echo"), soap12CreateSequence, "application/soap+xml; charset=utf-8", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Assert.ThrowsAsync<HttpRequestException>(
            () => PostAsync(http, forwarder.Url("/echo"), "<a/>", "text/xml", "\"urn:not-exempt\""));
        Assert.Equal((5, 1, 5), (forwarder.Exempted, forwarder.DroppedRequests, target.Requests));
    }

    [Fact]
    public async Task A_sequence_message_is_dropped_at_most_MaxDropsPerMessage_times()
    {
        await using var target = await EchoTarget.StartAsync();
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, seed: 0, LossyProfile.Dropping(1.0, 0) with { MaxDropsPerMessage = 2 });
        using var http = NewClient();

        var outcomes = new List<bool>();
        foreach (var number in new[] { 1, 1, 1, 1, 2, 2, 2 })
        {
            var body = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\">" +
                $"<s:Header><r:Sequence s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:s1</r:Identifier><r:MessageNumber>{number}</r:MessageNumber></r:Sequence></s:Header><s:Body/></s:Envelope>";
            try
            {
                using var response = await PostAsync(http, forwarder.Url("/echo"), body, "text/xml", "\"urn:m\"");
                outcomes.Add(true);
            }
            catch (HttpRequestException)
            {
                outcomes.Add(false);
            }
        }

        Assert.Equal([false, false, true, true, false, false, true], outcomes);
    }

    private static async Task<(int Succeeded, int Failed)> SendManyAsync(HttpClient http, LossyForwarder forwarder, int count)
    {
        int succeeded = 0, failed = 0;
        for (var i = 0; i < count; i++)
        {
            try
            {
                using var response = await PostAsync(http, forwarder.Url("/echo"), $"m{i}", "text/xml", "\"urn:m\"");
                Assert.Equal($"\"urn:m\"|m{i}", await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
                succeeded++;
            }
            catch (HttpRequestException)
            {
                failed++;
            }
        }

        return (succeeded, failed);
    }

    /// <summary>One connection per request, so the handler never retries a request on a reused connection.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string body, string contentType, string? soapAction)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.ConnectionClose = true;
        if (soapAction is not null) request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        return await http.SendAsync(request).WaitAsync(Timeout);
    }

    private static HttpClient NewClient()
        => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout };

    /// <summary>
    /// A trivial HTTP target: POST /echo answers 200 with the request's Content-Type and "SOAPAction|body"; POST /fail
    /// answers 500 text/plain "boom". Counts the requests that reached it.
    /// </summary>
    private sealed class EchoTarget : IAsyncDisposable
    {
        private LoopbackServer _server = null!;
        private int _requests;

        public Uri BaseAddress => _server.BaseAddress;

        public int Requests => Volatile.Read(ref _requests);

        public static async Task<EchoTarget> StartAsync()
        {
            var target = new EchoTarget();
            target._server = await LoopbackServer.StartAsync(app =>
            {
                app.MapPost("/echo", target.EchoAsync);
                app.MapPost("/fail", target.FailAsync);
            });
            return target;
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();

        private async Task EchoAsync(HttpContext context)
        {
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Response.ContentType = context.Request.ContentType;
            await context.Response.WriteAsync($"{context.Request.Headers["SOAPAction"]}|{body}", context.RequestAborted);
        }

        private async Task FailAsync(HttpContext context)
        {
            Interlocked.Increment(ref _requests);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("boom", context.RequestAborted);
        }
    }
}
