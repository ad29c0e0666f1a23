namespace WsRm.Server.Tests.Harness;

/// <summary>
/// A sequence lives in the RM version it was created with: a Sequence header, AckRequested, acknowledgement, Close or
/// Terminate in the other version's namespace names no known sequence. It gets UnknownSequence in that version, nothing
/// is delivered, and the sequence goes on in its own version.
/// </summary>
public sealed class OtherRmVersionTests
{
    public static TheoryData<RmSpec, RmSpec, SoapSpec> Pairs() => new()
    {
        { RmSpec.Rm11, RmSpec.Rm10, SoapSpec.Soap12 },
        { RmSpec.Rm11, RmSpec.Rm10, SoapSpec.Soap11 },
        { RmSpec.Rm10, RmSpec.Rm11, SoapSpec.Soap12 },
        { RmSpec.Rm10, RmSpec.Rm11, SoapSpec.Soap11 },
    };

    [Theory, MemberData(nameof(Pairs))]
    public async Task Message_InTheOtherVersion_IsUnknownSequence_AndNotDelivered(RmSpec created, RmSpec other, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(created, soap);
        var otherWire = new Wire(other, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);

        var crossed = await session.SendAsync(Messages.Post(otherWire, session.To, session.Id, 1, "crossed"));
        var asked = await session.SendAsync(Messages.AckRequested(otherWire, session.To, session.Id));
        var terminated = await session.SendAsync(Messages.TerminateSequence(otherWire, session.To, session.Id));

        FaultAssert.RmHeaderFault(crossed, otherWire, "UnknownSequence", session.Id);
        FaultAssert.RmHeaderFault(asked, otherWire, "UnknownSequence", session.Id);
        FaultAssert.RmHeaderFault(terminated, otherWire, "UnknownSequence", session.Id);
        Assert.Equal("1-1", (await session.PostAsync(1, "crossed-own")).AckFor(session.Id).RangeText);
        Assert.Equal(["crossed-own"], await session.ReceivedAsync(2, "crossed"));
    }
}
