using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

/// <summary>
/// What a closing source sends next (<see cref="SourceSequence.NextCloseStep"/>): the same handshake as before for a
/// destination that acknowledges on its answers, and, for a WS-RM 1.0 destination that answers AckRequested without
/// acknowledgements (gSOAP), the LastMessage then TerminateSequence, whose answer's acknowledgement is the last word.
/// </summary>
public class SourceSequenceCloseStepTests
{
    private static readonly SequenceAcknowledgement NoAcknowledgement = null!;

    // count messages sent at T0 and answered (HTTP 202, no acknowledgement) 10 ms later.
    private static SourceSequence Answered(RmVersion rm, int count)
    {
        var s = Active(rm: rm);
        SendMany(s, count, T0);
        for (ulong n = 1; n <= (ulong)count; n++) Assert.True(s.OnTransmissionAnswered(n, 1, Ms(10)));
        return s;
    }

    // An AckRequested sent at ms and answered without any acknowledgement 1 ms later.
    private static void AskedInVain(SourceSequence s, double ms) => s.OnAckRequestedAnswered(s.OnAckRequestedSent(Ms(ms)), acknowledged: false, Ms(ms + 1));

    // The 1.0 LastMessage numbered, sent at ms and answered without its acknowledgement 1 ms later.
    private static ulong LastMessageAnswered(SourceSequence s, double ms)
    {
        var last = s.AssignLastMessage("last", Ms(ms)).Number;
        s.OnSent(last, Ms(ms));
        Assert.True(s.OnTransmissionAnswered(last, 1, Ms(ms + 1)));
        return last;
    }

    // A gSOAP-like 1.0 destination: three posts answered 202, the LastMessage too, each AckRequested answered 202.
    private static SourceSequence AwaitingTerminate()
    {
        var s = Answered(RmVersion.Rm10, 3);
        s.BeginClose();
        AskedInVain(s, 20);
        LastMessageAnswered(s, 30);
        AskedInVain(s, 40);
        Assert.Equal(SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement, s.NextCloseStep);
        s.OnTerminateSequenceSent();
        return s;
    }

    [Fact]
    public void Rm10_AcknowledgingDestination_LastMessageThenTerminate_AsBefore()
    {
        var s = Active(rm: RmVersion.Rm10);
        SendMany(s, 2, T0);
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // not closing
        s.BeginClose();
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // 1 and 2 unacknowledged, never answered

        s.OnAcknowledgement(Ack(1, 2), Ms(10));
        Assert.Equal(SourceCloseStep.SendLastMessage, s.NextCloseStep);
        var last = s.AssignLastMessage("last", Ms(20)).Number;
        s.OnSent(last, Ms(20));
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep);

        s.OnAcknowledgement(Ack(1, 3), Ms(30)); // the LastMessage's answer acknowledges it
        Assert.Equal((SourceState.Closed, SourceCloseStep.SendTerminateSequence), (s.State, s.NextCloseStep));
    }

    [Fact]
    public void Rm11_AcknowledgingDestination_CloseSequenceThenTerminate_AsBefore()
    {
        var s = Active();
        SendMany(s, 2, T0);
        s.BeginClose();
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep);

        s.OnAcknowledgement(Ack(1, 2), Ms(10));
        Assert.Equal(SourceCloseStep.SendCloseSequence, s.NextCloseStep);
        s.OnCloseSequenceSent();
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep);

        s.OnFinalAcknowledgement(Ack(1, 2) with { Final = true }, Ms(20));
        Assert.Equal(SourceCloseStep.SendTerminateSequence, s.NextCloseStep);
    }

    [Fact]
    public void Rm11_AckRequestedAnsweredInVain_CloseSequenceWithMessagesUnacknowledged()
    {
        var s = Answered(RmVersion.Rm11, 2);
        s.BeginClose();
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // ask first

        AskedInVain(s, 20);

        Assert.Equal(SourceCloseStep.SendCloseSequence, s.NextCloseStep);
    }

    [Fact]
    public void Rm11_ASequenceTheDestinationClosedOnItsOwn_IsStillSentCloseSequence()
    {
        var s = Active();
        SendMany(s, 1, T0);
        s.OnAcknowledgement(Ack(1, 1) with { Final = true }, Ms(10));

        Assert.Equal((SourceState.Closed, SourceCloseStep.SendCloseSequence), (s.State, s.NextCloseStep));
    }

    [Fact]
    public void Rm10_AckRequestedAnsweredInVain_LastMessageGoesOut_ThenAskedOnce_ThenTerminateSequence()
    {
        var s = Answered(RmVersion.Rm10, 3);
        s.BeginClose();
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // asking may still bring them

        AskedInVain(s, 20);
        Assert.Equal(SourceCloseStep.SendLastMessage, s.NextCloseStep); // the destination still takes 1..3 after it

        var last = s.AssignLastMessage("last", Ms(30)).Number;
        Assert.Equal(4UL, last);
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // numbered, not sent
        s.OnSent(last, Ms(30));
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // in flight
        Assert.True(s.OnTransmissionAnswered(last, 1, Ms(31)));
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // answered after the last AckRequested: ask again
        Assert.Equal(DateTimeOffset.MinValue, s.NextAckRequestedTime(TimeSpan.FromMinutes(10), acknowledgementsAwaited: true));

        AskedInVain(s, 40);
        Assert.Equal(SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement, s.NextCloseStep);
    }

    [Fact]
    public void Rm10_AckRequestedAnsweredWithAnAcknowledgement_KeepsWaiting()
    {
        var s = Answered(RmVersion.Rm10, 3);
        s.BeginClose();
        var stamp = s.OnAckRequestedSent(Ms(20));
        s.OnAcknowledgement(Ack(1, 1), Ms(21)); // the destination acknowledges what it has processed so far
        s.OnAckRequestedAnswered(stamp, acknowledged: true, Ms(21));

        Assert.Equal(SourceCloseStep.None, s.NextCloseStep);
        Assert.NotNull(s.NextDueTime); // 2 and 3 are probed, then retransmitted
    }

    [Fact]
    public void Rm10_TerminateSequenceSent_NothingMoreGoesOutOnTheSequence()
    {
        var s = AwaitingTerminate();

        Assert.Equal(SourceCloseStep.None, s.NextCloseStep);
        Assert.Null(s.NextDueTime);
        Assert.Equal(RetransmissionBatch.None, s.DueRetransmissions(T0.AddMinutes(5)));
        Assert.Null(s.NextAckRequestedTime(TimeSpan.FromMinutes(10), acknowledgementsAwaited: true));
        Assert.False(s.OnSent(1, T0.AddMinutes(5)));
        Assert.Equal(4, s.UnacknowledgedCount); // the answer decides
    }

    [Fact]
    public void Rm10_TerminateSequenceAnswer_CoveringEverything_Closes()
    {
        var s = AwaitingTerminate();

        var result = s.OnTerminateSequenceAnswered(Ack(1, 4), Ms(50));

        Assert.Equal(AcknowledgementOutcome.Applied, result.Outcome);
        Assert.Equal([1UL, 2, 3, 4], Numbers(result));
        Assert.True(result.FullyAcknowledged);
        Assert.Equal(new SourceStateTransition(SourceState.Closing, SourceState.Closed), result.Transition);
        Assert.Equal(SourceCloseStep.None, s.NextCloseStep); // TerminateSequence is out already
        Assert.Equal(AcknowledgementOutcome.Ignored, s.OnTerminateSequenceAnswered(Ack(1, 4), Ms(60)).Outcome);
        Assert.Equal(new SourceStateTransition(SourceState.Closed, SourceState.Terminated), s.Terminate());
    }

    [Fact]
    public void Rm10_TerminateSequenceAnswer_LeavingMessagesOut_FaultsNamingThem()
    {
        var s = AwaitingTerminate();

        var result = s.OnTerminateSequenceAnswered(Ack(new AckRange(1, 1), new AckRange(3, 4)), Ms(50));

        Assert.Equal([1UL, 3, 4], Numbers(result)); // what it covers is released
        Assert.False(result.FullyAcknowledged);
        Assert.Equal(new SourceStateTransition(SourceState.Closing, SourceState.Faulted), result.Transition);
        Assert.Equal(SourceFailureKind.DestinationClosed, s.Failure!.Kind);
        Assert.Equal(2UL, s.Failure.MessageNumber);
        Assert.Contains("without acknowledging message(s) 2:", s.Failure.Message);
        Assert.Equal([new SourceMessage(2, "m2") { MayHaveArrived = true }], s.TakeUnacknowledged());
    }

    [Fact]
    public void Rm10_TerminateSequenceAnswer_WithoutAnyAcknowledgement_FaultsNamingEveryMessage()
    {
        var s = AwaitingTerminate();

        var result = s.OnTerminateSequenceAnswered(NoAcknowledgement, Ms(50), "no SOAP message");

        Assert.Equal(AcknowledgementOutcome.Stale, result.Outcome);
        Assert.Equal(SourceState.Faulted, result.Transition.After);
        Assert.Equal(SourceFailureKind.DestinationClosed, s.Failure!.Kind);
        Assert.Contains("without acknowledging message(s) 1, 2, 3, 4:", s.Failure.Message);
        Assert.EndsWith("Its answer to TerminateSequence: no SOAP message.", s.Failure.Message);
    }

    [Fact]
    public void Rm10_TerminateSequenceAnswer_RepeatingWhatWasKnown_FaultsNamingTheRest()
    {
        var s = Answered(RmVersion.Rm10, 3);
        s.OnAcknowledgement(Ack(1, 2), Ms(15)); // an Echo reply acknowledged 1 and 2, say
        s.BeginClose();
        AskedInVain(s, 20);
        LastMessageAnswered(s, 30);
        AskedInVain(s, 40);
        s.OnTerminateSequenceSent();

        var result = s.OnTerminateSequenceAnswered(Ack(1, 2), Ms(50));

        Assert.Empty(result.NewlyAcknowledged);
        Assert.Equal(SourceState.Faulted, s.State);
        Assert.Contains("message(s) 3, 4:", s.Failure!.Message);
    }

    [Fact]
    public void Rm10_TerminateSequenceAnswer_PastTheLastMessage_IsInvalidAndFaults()
    {
        var s = AwaitingTerminate();

        var result = s.OnTerminateSequenceAnswered(Ack(1, 5), Ms(50));

        Assert.Equal((AcknowledgementOutcome.Invalid, SourceState.Faulted), (result.Outcome, s.State));
        Assert.Equal(SourceFailureKind.InvalidAcknowledgement, s.Failure!.Kind);
    }

    [Fact]
    public void Rm10_TerminateSequenceAnswer_OutOfOrder_OrOn11_Throws()
    {
        var beforeLastMessage = Answered(RmVersion.Rm10, 1);
        beforeLastMessage.BeginClose();
        beforeLastMessage.OnTerminateSequenceSent();
        var beforeTerminate = Answered(RmVersion.Rm10, 1);
        beforeTerminate.BeginClose();
        LastMessageAnswered(beforeTerminate, 20);
        var rm11 = Answered(RmVersion.Rm11, 1);
        rm11.BeginClose();
        rm11.OnTerminateSequenceSent();

        Assert.Throws<InvalidOperationException>(() => beforeLastMessage.OnTerminateSequenceAnswered(Ack(1, 1), Ms(50)));
        Assert.Throws<InvalidOperationException>(() => beforeTerminate.OnTerminateSequenceAnswered(Ack(1, 2), Ms(50)));
        Assert.Throws<InvalidOperationException>(() => rm11.OnTerminateSequenceAnswered(Ack(1, 1), Ms(50)));
        Assert.Throws<ArgumentException>(() => AwaitingTerminate().OnTerminateSequenceAnswered(Ack(1, 4) with { Identifier = "urn:other" }, Ms(50)));
    }

    [Fact]
    public void AnAcknowledgementArrivingAfterTerminateSequence_StillApplies()
    {
        var s = AwaitingTerminate();

        var result = s.OnAcknowledgement(Ack(1, 4), Ms(50)); // a late answer to an earlier message, say

        Assert.Equal(AcknowledgementOutcome.Applied, result.Outcome);
        Assert.Equal(SourceState.Closed, s.State);
    }
}
