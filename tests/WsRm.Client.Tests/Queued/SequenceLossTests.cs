using WsRm.Storage;

namespace WsRm.Client.Tests.Queued;

/// <summary>What becomes of a message numbered on a lost sequence, under ExactlyOnce or not.</summary>
public sealed class SequenceLossTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly OutboxMessage Sent = new()
    {
        Id = 7, Queue = "q", Action = "urn:a", Body = [1], Enqueued = Now.AddMinutes(-5), ExpiresAt = Now.AddDays(1),
        SequenceId = "urn:uuid:lost", Number = 12, Attempts = 1,
    };

    [Fact]
    public void A_message_that_may_have_arrived_goes_to_the_dead_letter_queue_under_ExactlyOnce_naming_sequence_and_number()
    {
        var row = SequenceLoss.Decide(Sent, mayHaveArrived: true, exactlyOnce: true, "UnknownSequence.", Now);

        Assert.Equal(OutboxState.Dead, row.State);
        Assert.Equal(Now, row.DeadAt);
        Assert.Contains("message 12 of sequence urn:uuid:lost", row.DeadReason);
        Assert.Contains("UnknownSequence.", row.DeadReason);
        Assert.Contains("may have been received", row.DeadReason);
        Assert.Equal(("urn:uuid:lost", 12UL), (row.SequenceId, row.Number!.Value)); // kept for the operator
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Otherwise_it_is_unnumbered_to_go_on_the_next_sequence(bool mayHaveArrived, bool exactlyOnce)
    {
        var row = SequenceLoss.Decide(Sent, mayHaveArrived, exactlyOnce, "UnknownSequence.", Now);

        Assert.Equal(OutboxState.Pending, row.State);
        Assert.Null(row.SequenceId);
        Assert.Null(row.Number);
        Assert.Equal("UnknownSequence.", row.LastError);
        Assert.Equal(Sent.Id, row.Id);
        Assert.Equal(Sent.ExpiresAt, row.ExpiresAt);
    }
}
