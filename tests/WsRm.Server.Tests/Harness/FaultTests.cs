using System.Globalization;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>WS-RM faults on the wire, in both SOAP shapes (shared FAULTS.md), for messages of an existing or unknown sequence.</summary>
public sealed class FaultTests
{
    [Theory, WireMatrix]
    public async Task Message_OfAnUnknownSequence_IsUnknownSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var id = Envelope.NewId();

        var response = await host.Wire.SendAsync("/echo", Messages.Echo(wire, host.Wire.Url("/echo"), id, 1, "lost"));

        FaultAssert.RmHeaderFault(response, wire, "UnknownSequence", id);
    }

    [Theory, WireMatrix]
    public async Task AckRequested_OfAnUnknownSequence_IsUnknownSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var id = Envelope.NewId();

        var response = await host.Wire.SendAsync("/echo", Messages.AckRequested(wire, host.Wire.Url("/echo"), id));

        FaultAssert.RmHeaderFault(response, wire, "UnknownSequence", id);
    }

    [Theory, WireMatrix]
    public async Task MessageNumberZero_IsSequenceTerminated_AndTheSequenceIsGone(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);

        var response = await session.EchoAsync(0, "zero");

        FaultAssert.RmHeaderFault(response, wire, "SequenceTerminated", session.Id);
        FaultAssert.RmHeaderFault(await session.EchoAsync(1, "one"), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix]
    public async Task MessageNumberInt64Max_IsMessageNumberRollover_AndTheSequenceGoesOn(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);

        var response = await session.SendAsync(Messages.Echo(wire, session.To, session.Id, 9223372036854775807, "max"));

        var fault = FaultAssert.RmHeaderFault(response, wire, "MessageNumberRollover", session.Id);
        var detail = wire.IsSoap12 ? fault.Detail : wire.Is11 ? fault.SequenceFault!.Element(wire.RmName("Detail")) : fault.SequenceFault;
        var max = detail?.Element(wire.RmName("MaxMessageNumber"));
        if (wire.Is11)
        {
            // 1.1 adds MaxMessageNumber; WCF checks it is > 0 when it reads the fault.
            Assert.NotNull(max);
            Assert.InRange(ulong.Parse(max.Value, CultureInfo.InvariantCulture), 1UL, (ulong)long.MaxValue);
        }
        else
        {
            Assert.Null(max);
        }
        await session.EchoOkAsync(1, "still open");
    }

    [Theory, WireMatrix]
    public async Task Acknowledgement_OfReplyNumbersNeverSent_IsInvalidAcknowledgement(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "one reply");

        var response = await session.SendAsync(Messages.Acknowledgement(wire, session.To, session.OfferId!, (1, 5)));

        var fault = FaultAssert.RmHeaderFault(response, wire, "InvalidAcknowledgement", identifier: null);
        var holder = wire.IsSoap12 ? fault.Detail : wire.Is11 ? fault.SequenceFault!.Element(wire.RmName("Detail")) : fault.SequenceFault;
        var ack = holder?.Element(wire.RmName("SequenceAcknowledgement"));
        Assert.NotNull(ack);
        Assert.Equal(session.OfferId, ack.Element(wire.RmName("Identifier"))?.Value.Trim());
        await session.EchoOkAsync(2, "still open");
    }

    [Theory, WireMatrix]
    public async Task PiggybackedAcknowledgement_OfReplyNumbersNeverSent_IsInvalidAcknowledgement(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);

        var response = await session.SendAsync(Messages.Echo(wire, session.To, session.Id, 1, "a").WithAck(session.OfferId!, (1, 1)));

        FaultAssert.RmHeaderFault(response, wire, "InvalidAcknowledgement", identifier: null);
        var reply = await session.EchoOkAsync(1, "a");
        Assert.Equal(1UL, reply.Sequence!.MessageNumber);
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task ApplicationMessage_WithoutSequence_OnTheReliableEndpoint_IsWsrmRequired(SoapSpec soap)
    {
        await using var host = new EchoHost();
        // No RM header at all, so there is no RM version to answer in: WSRMRequired exists only in 1.1.
        var wire = new Wire(RmSpec.Rm11, soap);
        var request = new Envelope(wire).WithAction(Ns.EchoAction).WithMessageId().WithReplyToAnonymous()
            .WithTo(host.Wire.Url("/echo")).WithBody(Messages.EchoBody("unreliable"));

        var response = await host.Wire.SendAsync("/echo", request);

        FaultAssert.SubcodeFault(response, wire, XName.Get("WSRMRequired", Ns.Rm11), wire.FaultAction);
    }

    [Theory, WireMatrix]
    public async Task UnknownAction_InsideASequence_IsActionNotSupported_AndTheSequenceGoesOn(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        const string action = Ns.Samples + "/IEchoService/NoSuchOperation";

        var response = await session.SendAsync(Messages.Application(wire, session.To, action, session.Id, 1, "<NoSuchOperation xmlns=\"urn:wsrm:samples\"/>"));

        var fault = FaultAssert.SubcodeFault(response, wire, XName.Get("ActionNotSupported", wire.WsaNs), wire.AddressingFaultAction);
        Assert.Contains(action, fault.Reason);
        Assert.Equal("1-1", response.AckFor(session.Id).RangeText);
        await session.EchoOkAsync(2, "next");
    }

    [Theory, WireMatrix]
    public async Task UnknownRmAction_WithoutSequence_IsActionNotSupported(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = new Envelope(wire).WithAction(wire.RmAction("NoSuchThing")).WithMessageId().WithTo(host.Wire.Url("/echo"));

        var response = await host.Wire.SendAsync("/echo", request);

        FaultAssert.SubcodeFault(response, wire, XName.Get("ActionNotSupported", wire.WsaNs), wire.AddressingFaultAction);
    }
}
