using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>Application messages in a sequence: replies numbered on the offered sequence, piggybacked acks, one-way answers.</summary>
public sealed class SequenceMessageTests
{
    [Theory, WireMatrix]
    public async Task Echo_OneToThree_RepliesNumberedOnTheOfferedSequence_WithCumulativeAcks(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        for (ulong n = 1; n <= 3; n++)
        {
            var request = Messages.Echo(session.Wire, session.To, session.Id, n, $"hi {n}");
            var reply = await session.SendAsync(request);

            reply.AssertOk();
            Assert.Equal(session.Wire.MediaType, reply.MediaType);
            Assert.Equal(Ns.EchoResponseAction, reply.Action);
            if (session.Wire.IsSoap12) Assert.Equal(Ns.EchoResponseAction, reply.ContentTypeAction);
            Assert.Equal(request.MessageId, reply.RelatesTo);
            Assert.Equal(new SequenceView(session.OfferId!, n, false), reply.Sequence);
            var ack = reply.AckFor(session.Id);
            Assert.Equal($"1-{n}", ack.RangeText);
            Assert.NotNull(ack.BufferRemaining);
            Assert.False(ack.Final);
            var body = reply.BodyElement!;
            Assert.Equal(XName.Get("EchoResponse", Ns.Samples), body.Name);
            Assert.Equal($"hi {n}", body.Element(XName.Get("EchoResult", Ns.Samples))?.Value);
        }
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task Echo_Rm10WithAddressing2004_Works(SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm10, soap, Wsa2004: true));

        var reply = await session.EchoOkAsync(1, "august");

        Assert.Equal(Ns.EchoResponseAction, reply.HeaderBlock("Action", Ns.Wsa200408)?.Value);
        Assert.Equal("1-1", reply.AckFor(session.Id).RangeText);
    }

    [Theory, WireMatrix]
    public async Task Echo_WithoutOffer_RepliesWithoutSequenceHeader_ButAcks(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap), offer: false);

        var reply = await session.EchoOkAsync(1, "no offer");

        Assert.Null(reply.Sequence);
        Assert.Equal("1-1", reply.AckFor(session.Id).RangeText);
    }

    [Theory, WireMatrix]
    public async Task Echo_Retransmitted_GetsTheSameReplyNumberAndBody(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var first = await session.EchoOkAsync(1, "once");

        var again = await session.EchoOkAsync(1, "once");

        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(first.BodyElement!.ToString(), again.BodyElement!.ToString());
        Assert.Equal("1-1", again.AckFor(session.Id).RangeText);
        var next = await session.EchoOkAsync(2, "twice");
        Assert.Equal(2UL, next.Sequence!.MessageNumber);
    }

    [Theory, WireMatrix]
    public async Task Post_OneWay_AnswersWithStandaloneAcknowledgement(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);

        var response = await session.PostAsync(1, "one-way");

        response.AssertOk();
        Assert.Equal(wire.RmAction("SequenceAcknowledgement"), response.Action);
        if (wire.IsSoap12) Assert.Equal(response.Action, response.ContentTypeAction);
        Assert.Null(response.Sequence);
        Assert.Equal("1-1", response.AckFor(session.Id).RangeText);
        Assert.Null(response.BodyElement);
        Assert.Equal(["one-way"], await session.ReceivedAsync(2, "one-way"));
    }
}
