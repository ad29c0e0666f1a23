using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Tests.Sequences;

/// <summary>DestinationSequence.CheckLastMessageNumber: WS-RM 1.1 §3.5/§3.6 LastMsgNumber against what was received and said before.</summary>
public class DestinationSequenceLastMessageNumberTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static DestinationSequence Received(params ulong[] numbers)
    {
        var s = new DestinationSequence("urn:uuid:last", RmVersion.Rm11, ordered: false, new DestinationSequenceLimits(), T0);
        foreach (var n in numbers) Assert.Equal(ReceiveOutcome.Accepted, s.Receive(n, false, T0).Outcome);
        return s;
    }

    [Fact]
    public void Absent_OrAtOrAboveTheHighestReceived_IsConsistent()
    {
        var s = Received(1, 2, 4);

        Assert.Null(s.CheckLastMessageNumber(null));
        Assert.Null(s.CheckLastMessageNumber(4));
        Assert.Null(s.CheckLastMessageNumber(9));
    }

    [Fact]
    public void BelowANumberReceived_IsSequenceTerminatedBySender()
    {
        var fault = Received(1, 2, 4).CheckLastMessageNumber(3);

        Assert.NotNull(fault);
        Assert.Equal((FaultCodeKind.Sender, FaultScope.Sequence, "urn:uuid:last"), (fault.Code, fault.Scope, fault.Identifier));
        Assert.Contains("below message 4", fault.Problem);
    }

    [Fact]
    public void ADifferentNumberAfterOneWasNamed_IsSequenceTerminated()
    {
        var s = Received(1, 2);
        s.Close(3, T0);

        Assert.Null(s.CheckLastMessageNumber(3));
        var fault = s.CheckLastMessageNumber(5);
        Assert.NotNull(fault);
        Assert.Contains("two different last message numbers (3 and 5)", fault.Problem);
        Assert.Equal(3UL, s.LastMessageNumber);
    }

    [Fact]
    public void ACloseWithoutNumber_StandsInTheHighest_ButALaterNamedNumberReplacesIt()
    {
        var s = Received(1, 2);
        s.Close(null, T0);
        Assert.Equal(2UL, s.LastMessageNumber);

        Assert.Null(s.CheckLastMessageNumber(5));
        s.Close(5, T0);
        Assert.Equal(5UL, s.LastMessageNumber);
        Assert.NotNull(s.CheckLastMessageNumber(6));
    }

    [Fact]
    public void Rm10LastMessage_CountsAsANamedNumber()
    {
        var s = new DestinationSequence("urn:uuid:last10", RmVersion.Rm10, ordered: true, new DestinationSequenceLimits(), T0);
        s.Receive(1, false, T0);
        s.Receive(2, lastMessage: true, T0);

        Assert.Null(s.CheckLastMessageNumber(2));
        Assert.NotNull(s.CheckLastMessageNumber(3));
    }
}
