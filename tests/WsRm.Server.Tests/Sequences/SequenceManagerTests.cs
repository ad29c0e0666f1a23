using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WsRm.Host.Services;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;
using WsRm.Server.Dispatch;
using WsRm.Server.Hosting;
using WsRm.Server.Sequences;
using WsRm.Server.Storage;

namespace WsRm.Server.Tests.Sequences;

public sealed class SequenceManagerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
    private readonly ServiceProvider _services;
    private readonly WsRmServerOptions _options = new() { MaxPendingChannels = 3, MaxSequencesPerClient = 2, InactivityTimeout = TimeSpan.FromMinutes(4) };
    private readonly SequenceManager _manager;
    private readonly ServiceEndpoint _endpoint;

    public SequenceManagerTests()
    {
        _services = new ServiceCollection().AddMetrics().AddSingleton<PostedTexts>().AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>()).BuildServiceProvider();
        _manager = new SequenceManager(new InMemorySequenceStore(), Options.Create(_options), _time,
            NullLogger<SequenceManager>.Instance, new WsRmServerMetrics(_services.GetRequiredService<IMeterFactory>()));
        _endpoint = new ServiceEndpoint("/echo", ServiceDispatcher.Create(typeof(EchoService), null), ordered: true,
            ServiceInstanceMode.PerSession, includeExceptionDetail: false, _services);
    }

    private static readonly SequenceCaller Anonymous = new(null, "a");

    private SequenceRecord Record(string id, string client, string? owner = null) => new(
        new DestinationSequence(id, RmVersion.Rm10, ordered: true, new DestinationSequenceLimits(), _time.GetUtcNow()),
        null, "/echo", client, SoapVersion.Soap11, AddressingVersion.WsAddressing10, _time.GetUtcNow()) { Owner = owner };

    [Fact]
    public void Refuses_past_the_per_client_and_server_limits_with_connection_limit_reached()
    {
        Assert.Null(_manager.TryCreate(Record("urn:1", "a"), _endpoint, out var first));
        Assert.NotNull(first);
        Assert.Null(_manager.TryCreate(Record("urn:2", "a"), _endpoint, out _));

        var perClient = _manager.TryCreate(Record("urn:3", "a"), _endpoint, out var refused);
        Assert.Null(refused);
        Assert.NotNull(perClient);
        Assert.True(perClient.ConnectionLimitReached);
        Assert.Contains("MaxSequencesPerClient", perClient.Problem);

        Assert.Null(_manager.TryCreate(Record("urn:4", "b"), _endpoint, out _));
        var server = _manager.TryCreate(Record("urn:5", "c"), _endpoint, out _);
        Assert.NotNull(server);
        Assert.Contains("MaxPendingChannels", server.Problem);
        Assert.Equal(3, _manager.Count);
    }

    [Fact]
    public void Finds_only_live_sessions_of_the_same_endpoint()
    {
        _manager.TryCreate(Record("urn:1", "a"), _endpoint, out var session);
        var other = new ServiceEndpoint("/other", _endpoint.Dispatcher, true, ServiceInstanceMode.PerSession, false, _services);

        Assert.Same(session, _manager.Find("urn:1", _endpoint, RmVersion.Rm10, Anonymous));
        Assert.Null(_manager.Find("urn:1", other, RmVersion.Rm10, Anonymous));
        Assert.Null(_manager.Find("urn:unknown", _endpoint, RmVersion.Rm10, Anonymous));
    }

    [Fact]
    public void A_sequence_is_unknown_in_the_other_RM_version()
    {
        _manager.TryCreate(Record("urn:1", "a"), _endpoint, out var session);

        Assert.Same(session, _manager.Find("urn:1", _endpoint, RmVersion.Rm10, Anonymous));
        Assert.Null(_manager.Find("urn:1", _endpoint, RmVersion.Rm11, Anonymous));
    }

    [Fact]
    public void A_sequence_created_by_an_identity_is_found_for_that_identity_only()
    {
        _manager.TryCreate(Record("urn:owned", "Basic:alice", owner: "Basic:alice"), _endpoint, out var owned);
        _manager.TryCreate(Record("urn:open", "10.0.0.1"), _endpoint, out var open);

        Assert.Same(owned, _manager.Find("urn:owned", _endpoint, RmVersion.Rm10, new SequenceCaller("Basic:alice", "Basic:alice")));
        Assert.Null(_manager.Find("urn:owned", _endpoint, RmVersion.Rm10, new SequenceCaller("Basic:mallory", "Basic:mallory")));
        Assert.Null(_manager.Find("urn:owned", _endpoint, RmVersion.Rm10, new SequenceCaller(null, "10.0.0.1")));
        // An anonymous creator's sequence is protected by its identifier alone.
        Assert.Same(open, _manager.Find("urn:open", _endpoint, RmVersion.Rm10, new SequenceCaller("Basic:mallory", "Basic:mallory")));
    }

    [Fact]
    public async Task Drops_inactive_sequences_on_the_sweep_but_still_delivers_what_they_acknowledged()
    {
        _manager.TryCreate(Record("urn:idle", "a"), _endpoint, out var idle);
        // Message 2 was accepted (acknowledged) while 1 never came: it waits behind the gap.
        var waiting = new PendingDelivery(2, EnvelopeReader.Read(Post("urn:idle", 2, "after the gap")), isLastMessage: false, expectsReply: false);
        lock (idle!.Sync) idle.Pending[2] = waiting;

        _time.Advance(TimeSpan.FromMinutes(3));
        _manager.TryCreate(Record("urn:busy", "b"), _endpoint, out var busy);
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.Null(await waiting.Done.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["after the gap"], _services.GetRequiredService<PostedTexts>().StartingWith("after"));
        Assert.Null(_manager.Find("urn:idle", _endpoint, RmVersion.Rm10, Anonymous));
        Assert.Equal(DestinationState.Terminated, idle.Record.Destination.State);
        Assert.Same(busy, _manager.Find("urn:busy", _endpoint, RmVersion.Rm10, new SequenceCaller(null, "b")));
    }

    // A one-way Post of the sample contract as message number of sequence id (RM 1.0, SOAP 1.2).
    private static byte[] Post(string id, ulong number, string text) => System.Text.Encoding.UTF8.GetBytes(
        "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope' xmlns:a='http://www.w3.org/2005/08/addressing' xmlns:r='http://schemas.xmlsoap.org/ws/2005/02/rm'>" +
        $"<s:Header><r:Sequence><r:Identifier>{id}</r:Identifier><r:MessageNumber>{number}</r:MessageNumber></r:Sequence>" +
        "<a:Action>urn:wsrm:samples/IEchoService/Post</a:Action></s:Header>" +
        $"<s:Body><Post xmlns='urn:wsrm:samples'><text>{text}</text></Post></s:Body></s:Envelope>");

    [Fact]
    public async Task Ending_twice_is_harmless()
    {
        _manager.TryCreate(Record("urn:1", "a"), _endpoint, out var session);
        await _manager.EndAsync(session!, new Protocol.Faults.UnknownSequenceFault("urn:1"));
        await _manager.EndAsync(session!, new Protocol.Faults.UnknownSequenceFault("urn:1"));

        Assert.Equal(0, _manager.Count);
        Assert.True(session!.Ended);
    }

    public void Dispose()
    {
        _manager.Dispose();
        _services.Dispose();
    }
}
