namespace WsRm.Server.Tests.Harness;

/// <summary>A sequence created on the server: its id, the offered reply id, and message numbering.</summary>
internal sealed class RmSession
{
    private RmSession(WireClient client, Wire wire, string path, string id, string? offerId, WireResponse created)
    {
        Client = client;
        Wire = wire;
        Path = path;
        Id = id;
        OfferId = offerId;
        Created = created;
    }

    public WireClient Client { get; }
    public Wire Wire { get; }
    public string Path { get; }
    public string To => Client.Url(Path);

    /// <summary>The id the server gave the request sequence.</summary>
    public string Id { get; }

    /// <summary>The id offered for replies, or null.</summary>
    public string? OfferId { get; }

    /// <summary>The CreateSequenceResponse.</summary>
    public WireResponse Created { get; }

    /// <summary>A sequence created some other way (e.g. by a captured CreateSequence), to send more messages on it.</summary>
    public static RmSession Attach(WireClient client, Wire wire, string path, string id, string? offerId = null) =>
        new(client, wire, path, id, offerId, new WireResponse(System.Net.HttpStatusCode.OK, null, "", []));

    /// <summary>Sends CreateSequence (with an Offer unless <paramref name="offer"/> is false) and checks it was accepted.</summary>
    public static async Task<RmSession> CreateAsync(WireClient client, Wire wire, string path = "/echo", bool offer = true)
    {
        var offerId = offer ? Envelope.NewId() : null;
        var response = await client.SendAsync(path, Messages.CreateSequence(wire, client.Url(path), offerId));
        response.AssertOk();
        var id = response.BodyElement?.Element(wire.RmName("Identifier"))?.Value.Trim()
            ?? throw new Xunit.Sdk.XunitException("No CreateSequenceResponse/Identifier.\n" + response.Text);
        return new RmSession(client, wire, path, id, offerId, response);
    }

    public Task<WireResponse> SendAsync(Envelope envelope) => Client.SendAsync(Path, envelope);

    public Task<WireResponse> EchoAsync(ulong number, string text) => SendAsync(Messages.Echo(Wire, To, Id, number, text));

    public Task<WireResponse> PostAsync(ulong number, string text) => SendAsync(Messages.Post(Wire, To, Id, number, text));

    /// <summary>
    /// The texts posted so far that start with <paramref name="prefix"/>, asked with a Received request sent as
    /// message <paramref name="number"/> of this sequence. One-way messages are acknowledged on receipt and delivered
    /// afterwards, one at a time per sequence (in order when ordered, else in arrival order), so this request's reply
    /// is a barrier: every message this sequence accepted before it has been delivered when it is answered.
    /// </summary>
    public async Task<string[]> ReceivedAsync(ulong number, string prefix)
    {
        var response = await SendAsync(Messages.Application(Wire, To, Ns.ReceivedAction, Id, number, Messages.ReceivedBody(prefix)));
        response.AssertOk();
        return response.BodyElement!.Descendants(System.Xml.Linq.XName.Get("string", Ns.Arrays)).Select(e => e.Value).ToArray();
    }

    public Task<WireResponse> AckRequestedAsync() => SendAsync(Messages.AckRequested(Wire, To, Id));

    public Task<WireResponse> CloseAsync(ulong? lastMsgNumber = null) => SendAsync(Messages.CloseSequence(Wire, To, Id, lastMsgNumber));

    public Task<WireResponse> TerminateAsync(ulong? lastMsgNumber = null, bool messageId = true) =>
        SendAsync(Messages.TerminateSequence(Wire, To, Id, lastMsgNumber, messageId));

    /// <summary>An echo that must succeed: HTTP 200, EchoResult = <paramref name="text"/>.</summary>
    public async Task<WireResponse> EchoOkAsync(ulong number, string text)
    {
        var response = await EchoAsync(number, text);
        response.AssertOk();
        Assert.Equal(text, response.BodyElement?.Element(System.Xml.Linq.XName.Get("EchoResult", Ns.Samples))?.Value);
        return response;
    }

    /// <summary>Polls with AckRequested until the server acknowledges exactly <paramref name="ranges"/> (e.g. "2-2"); bounded.</summary>
    public Task WaitUntilAckedAsync(string ranges) =>
        WaitUntilAsync(ack => ack.RangeText == ranges, $"The server never acknowledged {ranges}.");

    /// <summary>Asks for acknowledgements until the receive buffer has <paramref name="free"/> places (messages delivered).</summary>
    public Task WaitUntilBufferRemainingAsync(int free) =>
        WaitUntilAsync(ack => ack.BufferRemaining == free, $"The receive buffer never had {free} free places.");

    private async Task WaitUntilAsync(Func<AckView, bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Bounded.Long;
        while (true)
        {
            var response = await AckRequestedAsync();
            if (response.Status == System.Net.HttpStatusCode.OK && condition(response.AckFor(Id))) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{failure}\n{response}");
            await Task.Delay(20).Within();
        }
    }
}
