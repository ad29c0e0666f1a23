using System.Net;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>Ending a sequence: 1.1 CloseSequence/TerminateSequence (§3.5, §3.6), 1.0 LastMessage and one-way TerminateSequence.</summary>
public sealed class CloseTerminateTests
{
    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task CloseSequence_AnswersWithResponseAndFinalAck_ThenNewMessagesGetSequenceClosed(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        await session.EchoOkAsync(2, "b");
        var close = Messages.CloseSequence(wire, session.To, session.Id);

        var closed = await session.SendAsync(close);

        closed.AssertOk();
        Assert.Equal(wire.RmAction("CloseSequenceResponse"), closed.Action);
        Assert.Equal(close.MessageId, closed.RelatesTo);
        Assert.Equal(wire.RmName("CloseSequenceResponse"), closed.BodyElement!.Name);
        Assert.Equal(session.Id, closed.BodyElement.Element(wire.RmName("Identifier"))?.Value.Trim());
        var ack = closed.AckFor(session.Id);
        Assert.True(ack.Final, closed.Text);
        Assert.Equal("1-2", ack.RangeText);

        var late = await session.EchoAsync(3, "c");
        FaultAssert.RmHeaderFault(late, wire, "SequenceClosed", session.Id);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task CloseSequence_RetransmissionOfAMessageReceivedBefore_StillGetsItsReply(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var original = await session.EchoOkAsync(1, "before close");
        (await session.CloseAsync()).AssertOk();

        var again = await session.EchoOkAsync(1, "before close");

        Assert.Equal(original.Sequence, again.Sequence);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task CloseSequence_Twice_IsIdempotent(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        await session.EchoOkAsync(1, "a");
        (await session.CloseAsync()).AssertOk();

        var second = await session.CloseAsync();

        second.AssertOk();
        Assert.True(second.AckFor(session.Id).Final);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task CloseSequence_WithoutMessageId_IsMessageAddressingHeaderRequired(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);

        var response = await session.SendAsync(Messages.CloseSequence(wire, session.To, session.Id, messageId: false));

        FaultAssert.SubcodeFault(response, wire, XName.Get("MessageAddressingHeaderRequired", Ns.Wsa10), wire.AddressingFaultAction);
        await session.EchoOkAsync(1, "not closed");
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task TerminateSequence_AnswersWithResponseAndFinalAck_ThenMessagesGetUnknownSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        var terminate = Messages.TerminateSequence(wire, session.To, session.Id, lastMsgNumber: 1);

        var terminated = await session.SendAsync(terminate);

        terminated.AssertOk();
        Assert.Equal(wire.RmAction("TerminateSequenceResponse"), terminated.Action);
        Assert.Equal(terminate.MessageId, terminated.RelatesTo);
        Assert.Equal(wire.RmName("TerminateSequenceResponse"), terminated.BodyElement!.Name);
        Assert.Equal(session.Id, terminated.BodyElement.Element(wire.RmName("Identifier"))?.Value.Trim());
        var ack = terminated.AckFor(session.Id);
        Assert.True(ack.Final);
        Assert.Equal("1-1", ack.RangeText);

        FaultAssert.RmHeaderFault(await session.EchoAsync(2, "b"), wire, "UnknownSequence", session.Id);
        FaultAssert.RmHeaderFault(await session.EchoAsync(1, "a"), wire, "UnknownSequence", session.Id);
        FaultAssert.RmHeaderFault(await session.AckRequestedAsync(), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix]
    public async Task TerminateSequence_OfAnUnknownSequence_IsUnknownSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var id = Envelope.NewId();

        var response = await host.Wire.SendAsync("/echo", Messages.TerminateSequence(wire, host.Wire.Url("/echo"), id));

        FaultAssert.RmHeaderFault(response, wire, "UnknownSequence", id);
    }

    [Theory, WireMatrix(RmSpec.Rm10)]
    public async Task LastMessage_Rm10_ReplyEndsTheOfferedSequence_ThenAHigherNumberIsLastMessageNumberExceeded(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        var last = Messages.LastMessage(wire, session.To, session.Id, 2);

        var reply = await session.SendAsync(last);

        reply.AssertOk();
        Assert.Equal(last.MessageId, reply.RelatesTo);
        Assert.Equal(new SequenceView(session.OfferId!, 2, LastMessage: true), reply.Sequence);
        Assert.Equal(wire.RmAction("LastMessage"), reply.Action);
        Assert.Null(reply.BodyElement);
        Assert.Equal("1-2", reply.AckFor(session.Id).RangeText);

        var exceeded = await session.EchoAsync(3, "c");
        FaultAssert.RmHeaderFault(exceeded, wire, "LastMessageNumberExceeded", session.Id);
        // The fault is unrecoverable (FAULTS.md): the sequence is gone.
        FaultAssert.RmHeaderFault(await session.AckRequestedAsync(), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix(RmSpec.Rm10)]
    public async Task TerminateSequence_Rm10_WithoutMessageId_Is202Empty(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");

        var response = await session.TerminateAsync(messageId: false);

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Empty(response.Text);
        FaultAssert.RmHeaderFault(await session.EchoAsync(2, "b"), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix(RmSpec.Rm10)]
    public async Task TerminateSequence_Rm10_WithMessageId_AnswersWithTerminateOfTheOfferedSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        (await session.SendAsync(Messages.LastMessage(wire, session.To, session.Id, 2))).AssertOk();
        var terminate = Messages.TerminateSequence(wire, session.To, session.Id);

        var response = await session.SendAsync(terminate);

        response.AssertOk();
        Assert.Equal(wire.RmAction("TerminateSequence"), response.Action);
        Assert.Equal(terminate.MessageId, response.RelatesTo);
        Assert.Equal(wire.RmName("TerminateSequence"), response.BodyElement!.Name);
        Assert.Equal(session.OfferId, response.BodyElement.Element(wire.RmName("Identifier"))?.Value.Trim());
        Assert.Equal("1-2", response.AckFor(session.Id).RangeText);
        FaultAssert.RmHeaderFault(await session.EchoAsync(3, "c"), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix(RmSpec.Rm10)]
    public async Task TerminateSequence_Rm10_WithMessageIdButNoOffer_AnswersWithAnAck(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire, offer: false);
        await session.PostAsync(1, "a");

        var response = await session.TerminateAsync();

        response.AssertOk();
        Assert.Equal(wire.RmAction("SequenceAcknowledgement"), response.Action);
        Assert.Equal("1-1", response.AckFor(session.Id).RangeText);
    }

    [Theory, WireMatrix]
    public async Task TerminateSequence_StillDeliversTheRequestWaitingForItsTurn_PastTheGap(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var waiting = Task.Run(() => session.EchoAsync(2, "delivered at the end"));
        await session.WaitUntilAckedAsync("2-2");

        var terminated = await session.TerminateAsync(lastMsgNumber: 2);
        var released = await waiting.Within();

        // Message 2 was accepted (acknowledged) before the source ended the sequence: it is not lost for the missing 1.
        Assert.True(terminated.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, terminated.ToString());
        released.AssertOk();
        Assert.Equal("delivered at the end", released.Xml!.Descendants(XName.Get("EchoResult", Ns.Samples)).Single().Value);
    }
}
