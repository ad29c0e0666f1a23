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
    public async Task WaitUntilAckedAsync(string ranges)
    {
        var deadline = DateTime.UtcNow + Bounded.Long;
        while (true)
        {
            var response = await AckRequestedAsync();
            if (response.Status == System.Net.HttpStatusCode.OK && response.AckFor(Id).RangeText == ranges) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The server never acknowledged {ranges}.\n{response}");
            await Task.Delay(20).Within();
        }
    }
}
