using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Client.Tests.Faults;

/// <summary>
/// The <see cref="LossyForwarder"/> itself, in front of a backend that records what reaches it: each fault does what
/// it says, reordering is real, the bounds hold, and a seed gives the same faults. Holds run on a test clock: a hold
/// ends by the overtaking exchange or when the test moves the clock past MaxHold, never by the machine being slow.
/// </summary>
public sealed partial class LossyForwarderTests : IAsyncLifetime
{
    private const string Action = "urn:test/Op";
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private Backend _backend = null!;

    public async Task InitializeAsync() => _backend = await Backend.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task Each_scripted_fault_does_what_it_says()
    {
        await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed: 1, LossyProfile.Faithful);
        forwarder.Script(Action, LossyFault.DropRequest, LossyFault.DropResponse, LossyFault.DuplicateRequest, LossyFault.DuplicateResponse,
            LossyFault.DelayRequest, LossyFault.DelayResponse);

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(forwarder, "m1", 1));
        Assert.Empty(_backend.Received);                          // the request never arrived
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(forwarder, "m2", 2));
        Assert.Equal(["m2"], _backend.Received);                  // it arrived; its response was lost
        Assert.Equal("reply:m3", await SendAsync(forwarder, "m3", 3));
        Assert.Equal(["m2", "m3", "m3"], _backend.Received);      // it arrived twice
        Assert.Equal("reply:m3", await SendAsync(forwarder, "m4", 4)); // the service got m4, the client m3's response again
        Assert.Equal(["m2", "m3", "m3", "m4"], _backend.Received);
        Assert.Equal("reply:m5", await SendAsync(forwarder, "m5", 5));
        Assert.Equal("reply:m6", await SendAsync(forwarder, "m6", 6));
        Assert.Equal("reply:m7", await SendAsync(forwarder, "m7", 7)); // the script is used up: faithful

        Assert.Equal((1, 1, 1, 1, 1, 1, 0), (forwarder.DroppedRequests, forwarder.DroppedResponses, forwarder.DuplicatedRequests,
            forwarder.DuplicatedResponses, forwarder.DelayedRequests, forwarder.DelayedResponses, forwarder.Reordered));
        Assert.Equal(0, forwarder.Injected); // scripted faults are not random ones
        Assert.Equal([0, 1, 2, 1, 1, 1, 1], forwarder.Exchanges.Select(e => e.Copies));
        Assert.Equal([1UL, 2, 3, 4, 5, 6, 7], forwarder.Exchanges.Select(e => e.MessageNumber!.Value));
        Assert.All(forwarder.Exchanges, e => Assert.Equal("seq-1", e.SequenceId));
    }

    [Fact]
    public async Task A_held_request_reaches_the_service_after_the_request_that_arrived_after_it()
    {
        var clock = new TestClock();
        await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed: 1, LossyProfile.Faithful, clock);
        forwarder.Script(Action, LossyFault.ReorderRequest);

        var first = SendAsync(forwarder, "first", 1);
        await Eventually.TrueAsync(() => forwarder.Holding == 1, "the first request is held", Bounded.Short);
        Assert.Empty(_backend.Received); // held
        Assert.Equal("reply:second", await SendAsync(forwarder, "second", 2));
        Assert.Equal("reply:first", await first.Within(Bounded.Short));

        // The second request was written to the service before the first: the two connections carry them in the
        // other order. (Which one the service's own scheduling reads first is the service's business.)
        Assert.Equal([1, 0], forwarder.RequestOrder);
        Assert.Equal(["first", "second"], _backend.Received.Order(StringComparer.Ordinal));
        Assert.Equal((1, 0, 0), (forwarder.ReorderedRequests, forwarder.ReorderedResponses, forwarder.HoldsExpired));
        Assert.True(forwarder.Exchanges[0].Overtaken); // released by the overtaking request: the clock never moved
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task A_held_response_reaches_the_client_after_the_response_to_the_request_that_arrived_after_it()
    {
        var clock = new TestClock();
        await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed: 1, LossyProfile.Faithful, clock);
        forwarder.Script(Action, LossyFault.ReorderResponse);

        var first = SendAsync(forwarder, "first", 1);
        await Eventually.TrueAsync(() => forwarder.Holding == 1, "the first response is back in the forwarder and held", Bounded.Short);
        Assert.Single(_backend.Received);
        Assert.False(first.IsCompleted);
        Assert.Equal("reply:second", await SendAsync(forwarder, "second", 2));
        Assert.Equal("reply:first", await first.Within(Bounded.Short));

        // The second response was written to the client before the first: the two connections carry them in the other
        // order. (Which one the client's own scheduling hands over first is the client's business.)
        Assert.Equal([1, 0], forwarder.ResponseOrder);
        Assert.Equal((0, 1, 0), (forwarder.ReorderedRequests, forwarder.ReorderedResponses, forwarder.HoldsExpired));
        Assert.True(forwarder.Exchanges[0].Overtaken); // released by the overtaking response: the clock never moved
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task A_hold_that_nothing_overtakes_ends_after_MaxHold_and_is_not_counted_as_reordered()
    {
        var clock = new TestClock();
        var maxHold = TimeSpan.FromMilliseconds(200);
        await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed: 1, LossyProfile.Faithful with { MaxHold = maxHold }, clock);
        forwarder.Script(Action, LossyFault.ReorderRequest, LossyFault.ReorderResponse);

        foreach (var (marker, number) in new[] { ("alone", 1UL), ("alone too", 2UL) })
        {
            var reply = SendAsync(forwarder, marker, number);
            await Eventually.TrueAsync(() => forwarder.Holding == 1, $"'{marker}' is held", Bounded.Short);
            await clock.ArmedAtAsync(clock.GetUtcNow() + maxHold);
            clock.Advance(maxHold - TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, forwarder.Holding); // not before MaxHold
            Assert.False(reply.IsCompleted);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("reply:" + marker, await reply.Within(Bounded.Short));
        }
        Assert.Equal((0, 2), (forwarder.Reordered, forwarder.HoldsExpired));
    }

    [Fact]
    public async Task Holds_beyond_MaxHeld_are_no_fault()
    {
        await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed: 1, LossyProfile.Faithful with { MaxHeld = 1 }, new TestClock());
        forwarder.Script(Action, LossyFault.ReorderRequest, LossyFault.ReorderRequest);
        var first = SendAsync(forwarder, "first", 1);
        await Eventually.TrueAsync(() => forwarder.Holding == 1, "the first request is held", Bounded.Short);
        Assert.Equal("reply:second", await SendAsync(forwarder, "second", 2)); // not held: the one slot is taken
        await first.Within(Bounded.Short);
        Assert.Equal([LossyFault.ReorderRequest, LossyFault.None], forwarder.Exchanges.Select(e => e.Fault));
        Assert.Equal(1, forwarder.ReorderedRequests);
    }

    [Fact]
    public async Task Random_faults_stop_at_MaxFaults_and_then_everything_is_forwarded_faithfully()
    {
        await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed: 5, new LossyProfile { DropRequest = 1, MaxFaults = 5 });
        for (var i = 0; i < 5; i++) await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(forwarder, $"lost {i}", (ulong)i + 1));
        for (var i = 5; i < 12; i++) Assert.Equal($"reply:kept {i}", await SendAsync(forwarder, $"kept {i}", (ulong)i + 1));
        Assert.Equal((5, 5, 7), (forwarder.Injected, forwarder.DroppedRequests, _backend.Received.Count));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_in_the_same_order_and_another_seed_others()
    {
        // Sequential exchanges (no holds: alone, they could only expire) so the arrival order is the same each time.
        var profile = LossyProfile.Hostile with { ReorderRequest = 0, ReorderResponse = 0, MaxFaults = 1000, MaxDelay = TimeSpan.FromMilliseconds(5) };
        var runs = new List<LossyFault[]>();
        foreach (var seed in new[] { 42, 42, 43 })
        {
            await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed, profile);
            for (var i = 0; i < 40; i++)
            {
                try
                {
                    await SendAsync(forwarder, $"{seed}-{i}", (ulong)i + 1);
                }
                catch (HttpRequestException)
                {
                    // dropped
                }
            }
            runs.Add([.. forwarder.Exchanges.Select(e => e.Fault)]);
        }
        Assert.Equal(runs[0], runs[1]);
        Assert.NotEqual(runs[0], runs[2]);
        Assert.Contains(LossyFault.DuplicateResponse, runs[0]);
        Assert.Contains(LossyFault.None, runs[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_blackhole_forwards_the_first_requests_then_loses_every_request_or_response(bool responses)
    {
        await using var forwarder = await LossyForwarder.StartAsync(_backend.Address, seed: 1, LossyProfile.Blackhole(after: 2, responses));
        Assert.Equal("reply:0", await SendAsync(forwarder, "0", 1));
        Assert.Equal("reply:1", await SendAsync(forwarder, "1", 2));
        for (var i = 2; i < 5; i++) await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(forwarder, $"{i}", (ulong)i + 1));
        Assert.Equal(responses ? 5 : 2, _backend.Received.Count);
        Assert.Equal(responses ? (0, 3) : (3, 0), (forwarder.DroppedRequests, forwarder.DroppedResponses));
    }

    // One exchange on its own connection (no pooled connection the handler could silently retry on).
    private async Task<string> SendAsync(LossyForwarder forwarder, string marker, ulong number)
    {
        var envelope = $"""
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing" xmlns:r="http://docs.oasis-open.org/ws-rx/wsrm/200702">
              <s:Header><a:Action>{Action}</a:Action><r:Sequence><r:Identifier>seq-1</r:Identifier><r:MessageNumber>{number}</r:MessageNumber></r:Sequence></s:Header>
              <s:Body><m>{marker}</m></s:Body>
            </s:Envelope>
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, forwarder.Address) { Content = new StringContent(envelope, Encoding.UTF8, "application/soap+xml") };
        request.Headers.ConnectionClose = true;
        using var response = await _http.SendAsync(request).Within(Bounded.Short);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<m>(.*?)</m>")]
    private static partial Regex Marker();

    /// <summary>Records each request's marker in arrival order and answers "reply:marker".</summary>
    private sealed class Backend : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _received = new();
        private LoopbackServer _server = null!;

        public Uri Address => _server.Url("/svc");

        public IReadOnlyList<string> Received => [.. _received];

        public static async Task<Backend> StartAsync()
        {
            var backend = new Backend();
            backend._server = await LoopbackServer.StartAsync(app => app.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var marker = Marker().Match(await reader.ReadToEndAsync()).Groups[1].Value;
                backend._received.Enqueue(marker);
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("reply:" + marker);
            }));
            return backend;
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
