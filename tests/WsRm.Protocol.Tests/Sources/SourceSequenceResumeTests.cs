using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

/// <summary>
/// <see cref="SourceSequence.Resume"/> and <see cref="SourceSequence.TryRestore"/>: a durable transmission queue goes on
/// with a stored sequence after a restart, sending new messages after the stored last number and the unacknowledged
/// ones again with their own numbers; and what is known of whether each message may have reached the destination.
/// </summary>
public class SourceSequenceResumeTests
{
    private static SourceSequence Resumed(ulong last, SourceSequenceSettings? settings = null) =>
        SourceSequence.Resume(RmVersion.Rm11, settings ?? new SourceSequenceSettings(), Id, last, T0);

    [Fact]
    public void A_resumed_sequence_is_active_and_numbers_after_the_stored_last_number()
    {
        var s = Resumed(41);

        Assert.Equal(SourceState.Active, s.State);
        Assert.Equal(Id, s.Id);
        Assert.Equal(41UL, s.HighestAssigned);
        Assert.True(s.IsFullyAcknowledged);
        Assert.Equal(42UL, s.TryAssign("m42", T0).Number);
    }

    [Fact]
    public void A_last_number_past_the_maximum_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resumed(11, new SourceSequenceSettings { MaxMessageNumber = 10 }));
    }

    [Fact]
    public void Restored_messages_are_sent_again_with_their_numbers_and_released_by_acknowledgements()
    {
        var s = Resumed(10);

        Assert.Equal(RestoreOutcome.Restored, s.TryRestore(7, "m7", T0));
        Assert.Equal(RestoreOutcome.Restored, s.TryRestore(9, "m9", T0));
        Assert.True(s.OnSent(7, T0));
        Assert.True(s.OnSent(9, T0));
        Assert.Equal([7UL, 9UL], s.UnacknowledgedNumbers);

        // The destination knew the sequence: its acknowledgement covers what it had before the restart too.
        var result = s.OnAcknowledgement(Ack(1, 10), Ms(5));

        Assert.Equal(AcknowledgementOutcome.Applied, result.Outcome);
        Assert.Equal([7UL, 9UL], Numbers(result));
        Assert.True(s.IsFullyAcknowledged);
        Assert.Equal(RestoreOutcome.Acknowledged, s.TryRestore(9, "m9", Ms(6)));
    }

    [Fact]
    public void An_older_acknowledgement_overtaken_on_another_request_is_stale_though_it_omits_numbers_acknowledged_in_this_session()
    {
        // Found with the queued sender sample: a resumed sequence (1..20 acknowledged in an earlier run), messages 21..25
        // sent at once, the answers handled in another order than the destination wrote them. The destination's
        // snapshots only grow; one taken before 21 and 23 arrived is stale, not a retraction.
        var s = Resumed(20);
        for (var i = 21; i <= 25; i++)
        {
            s.TryAssign($"m{i}", T0);
            s.OnSent((ulong)i, T0);
        }

        var newer = s.OnAcknowledgement(Ack(new AckRange(1, 21), new AckRange(23, 24)), Ms(1));
        var older = s.OnAcknowledgement(Ack(new AckRange(1, 20), new AckRange(24, 24)), Ms(2));
        var last = s.OnAcknowledgement(Ack(1, 25), Ms(3));

        Assert.Equal([21UL, 23UL, 24UL], Numbers(newer));
        Assert.Equal(AcknowledgementOutcome.Stale, older.Outcome);
        Assert.Equal(AcknowledgementOutcome.Applied, last.Outcome);
        Assert.Equal([22UL, 25UL], Numbers(last));
        Assert.Equal(SourceState.Active, s.State);
        Assert.True(s.IsFullyAcknowledged);
    }

    [Fact]
    public void An_older_acknowledgement_is_stale_when_it_omits_restored_messages_acknowledged_since()
    {
        var s = Resumed(10);
        s.TryRestore(4, "m4", T0);
        s.TryRestore(8, "m8", T0);
        s.OnSent(4, T0);
        s.OnSent(8, T0);
        s.TryAssign("m11", T0);
        s.OnSent(11, T0);

        Assert.Equal([4UL, 8UL], Numbers(s.OnAcknowledgement(Ack(new AckRange(1, 10)), Ms(1))));
        // Taken before 4 and 8 arrived again (after the restart), handled after the one above.
        Assert.Equal(AcknowledgementOutcome.Stale, s.OnAcknowledgement(Ack(new AckRange(1, 3), new AckRange(5, 7), new AckRange(9, 10)), Ms(2)).Outcome);
        Assert.Equal([11UL], Numbers(s.OnAcknowledgement(Ack(1, 11), Ms(3))));
        Assert.True(s.IsFullyAcknowledged);
    }

    [Fact]
    public void A_retraction_of_numbers_this_resumed_source_saw_acknowledged_is_still_invalid()
    {
        var s = Resumed(20);
        for (var i = 21; i <= 23; i++)
        {
            s.TryAssign($"m{i}", T0);
            s.OnSent((ulong)i, T0);
        }
        s.OnAcknowledgement(Ack(1, 21), Ms(1));

        // 22 is new, 21 (seen acknowledged here) is gone: not a snapshot of the same destination.
        var result = s.OnAcknowledgement(Ack(new AckRange(1, 20), new AckRange(22, 22)), Ms(2));

        Assert.Equal(AcknowledgementOutcome.Invalid, result.Outcome);
        Assert.Contains("no longer acknowledges", result.Problem);
    }

    [Theory]
    [InlineData(0UL, "NotAssigned")]
    [InlineData(11UL, "NotAssigned")]
    [InlineData(5UL, "Outstanding")]
    public void Numbers_never_given_or_already_outstanding_are_not_restored(ulong number, string outcome)
    {
        var expected = Enum.Parse<RestoreOutcome>(outcome);
        var s = Resumed(10);
        s.TryRestore(5, "m5", T0);

        Assert.Equal(expected, s.TryRestore(number, "again", T0));
        Assert.Equal(1, s.UnacknowledgedCount);
    }

    [Fact]
    public void Restored_messages_count_in_the_window_but_are_taken_when_it_is_full()
    {
        var s = Resumed(10, new SourceSequenceSettings { TransferWindow = 2 });

        Assert.Equal(RestoreOutcome.Restored, s.TryRestore(1, "m1", T0));
        Assert.Equal(RestoreOutcome.Restored, s.TryRestore(2, "m2", T0));
        Assert.Equal(RestoreOutcome.Restored, s.TryRestore(3, "m3", T0));

        Assert.Equal(AssignOutcome.WindowFull, s.TryAssign("m11", T0).Outcome);
        s.OnSent(1, T0);
        s.OnSent(2, T0);
        s.OnSent(3, T0);
        s.OnAcknowledgement(Ack(1, 3), Ms(1));
        Assert.Equal(11UL, s.TryAssign("m11", Ms(1)).Number);
    }

    [Fact]
    public void Nothing_is_restored_once_the_sequence_ended()
    {
        var s = Resumed(10);
        s.Fault(SourceFailure.Inactive(Id, TimeSpan.FromMinutes(1)));

        Assert.Equal(RestoreOutcome.NotActive, s.TryRestore(3, "m3", T0));
    }

    [Fact]
    public void A_message_never_transmitted_or_only_rejected_did_not_arrive_one_answered_or_lost_may_have()
    {
        var s = Active();
        SendMany(s, 4, T0);                          // 1..4, one transmission each
        s.TryAssign("m5", T0);                       // 5: numbered, never sent
        s.OnTransmissionRejected(1, attempt: 1);     // connection refused
        s.OnTransmissionRejected(2, attempt: 1);     // UnknownSequence
        s.OnSent(2, Ms(100));                        // sent again, no answer (timed out): may have arrived
        s.OnTransmissionAnswered(3, 1, Ms(10));      // HTTP 202
        // 4: no answer at all (a timeout, a reset after the request went out)

        Assert.False(s.MayHaveArrived(1));
        Assert.True(s.MayHaveArrived(2));
        Assert.True(s.MayHaveArrived(3));
        Assert.True(s.MayHaveArrived(4));
        Assert.False(s.MayHaveArrived(5));

        s.Fault(SourceFailure.Inactive(Id, TimeSpan.FromMinutes(1)));
        var left = s.TakeUnacknowledged();
        Assert.Equal([false, true, true, true, false], left.Select(m => m.MayHaveArrived));
    }

    [Fact]
    public void A_restored_message_may_have_arrived_whatever_happens_to_its_new_transmissions()
    {
        var s = Resumed(3);
        s.TryRestore(2, "m2", T0);
        s.OnSent(2, T0);

        Assert.True(s.OnTransmissionRejected(2, attempt: 1));
        Assert.True(s.MayHaveArrived(2));
    }

    [Fact]
    public void A_restored_message_known_not_to_have_arrived_did_not_arrive_until_sent_and_not_rejected()
    {
        var s = Resumed(3);
        s.TryRestore(2, "m2", T0, mayHaveArrived: false);
        Assert.False(s.MayHaveArrived(2));

        s.OnSent(2, T0);
        s.OnTransmissionRejected(2, attempt: 1);
        Assert.False(s.MayHaveArrived(2));

        s.OnSent(2, Ms(100));
        Assert.True(s.MayHaveArrived(2));
    }

    [Fact]
    public void A_rejection_of_a_transmission_not_made_changes_nothing()
    {
        var s = Active();
        SendMany(s, 1, T0);

        Assert.False(s.OnTransmissionRejected(1, attempt: 2));
        Assert.False(s.OnTransmissionRejected(9, attempt: 1));
        Assert.True(s.MayHaveArrived(1));
    }
}
