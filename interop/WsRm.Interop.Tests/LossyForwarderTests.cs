using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>The fault-injecting forwarder itself, against a trivial target (independent of the WsRm server).</summary>
public sealed class LossyForwarderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Lossless_forwarding_copies_body_content_type_soap_action_and_status()
    {
        await using var target = await EchoTarget.StartAsync();
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, new LossyForwarderOptions());
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
        var options = new LossyForwarderOptions { RequestDropRate = 0.3, ResponseDropRate = 0.3, Seed = 7 };
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, options);
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
        var options = new LossyForwarderOptions { RequestDropRate = 0.25, ResponseDropRate = 0.25, Seed = 42 };
        var runs = new List<IReadOnlyList<ForwarderFate>>();
        for (var run = 0; run < 2; run++)
        {
            await using var target = await EchoTarget.StartAsync();
            await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, options);
            using var http = NewClient();
            await SendManyAsync(http, forwarder, 20);
            runs.Add(forwarder.Fates);
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Contains(ForwarderFate.DropRequest, runs[0]);
        Assert.Contains(ForwarderFate.DropResponse, runs[0]);
    }

    [Fact]
    public async Task Exempt_actions_are_never_dropped()
    {
        await using var target = await EchoTarget.StartAsync();
        var options = new LossyForwarderOptions { RequestDropRate = 1.0, ExemptActions = LossExemptActions.All };
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, options);
        using var http = NewClient();
        const string soap12CreateSequence =
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">" +
            "<s:Header><a:Action s:mustUnderstand=\"1\">http://docs.oasis-open.org/ws-rx/wsrm/200702/CreateSequence</a:Action></s:Header><s:Body/></s:Envelope>";

        for (var i = 0; i < 5; i++)
        {
            using var response = await PostAsync(http, forwarder.Url("/echo"), soap12CreateSequence, "application/soap+xml; charset=utf-8", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Assert.ThrowsAsync<HttpRequestException>(
            () => PostAsync(http, forwarder.Url("/echo"), "<a/>", "text/xml", "\"urn:not-exempt\""));
        Assert.Equal((5, 1, 5), (forwarder.Exempt, forwarder.DroppedRequests, target.Requests));
    }

    [Fact]
    public async Task A_sequence_message_is_dropped_at_most_MaxDropsPerMessage_times()
    {
        await using var target = await EchoTarget.StartAsync();
        var options = new LossyForwarderOptions { RequestDropRate = 1.0, MaxDropsPerMessage = 2 };
        await using var forwarder = await LossyForwarder.StartAsync(target.BaseAddress, options);
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
}
