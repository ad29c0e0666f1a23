namespace WsRm.Client.Tests.Queued;

/// <summary>The queue's bounded backoff and its count of refusals.</summary>
public sealed class DeliveryRetryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_failure_in_a_row_doubles_the_wait_up_to_the_maximum_and_progress_starts_again()
    {
        var retry = new DeliveryRetry(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), maxRefusals: 8);

        var waits = Enumerable.Range(0, 6).Select(_ => retry.OnFailure(DeliveryFailureKind.Transient, T0, "down").TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 10, 10], waits);

        retry.OnProgress();
        Assert.Equal(TimeSpan.FromSeconds(1), retry.OnFailure(DeliveryFailureKind.Transient, T0, "down"));
    }

    [Fact]
    public void The_first_lost_sequence_of_a_run_is_followed_at_once_a_second_one_waits()
    {
        var retry = new DeliveryRetry(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), maxRefusals: 8);

        Assert.Equal(TimeSpan.Zero, retry.OnFailure(DeliveryFailureKind.SequenceLost, T0, "UnknownSequence"));
        Assert.Equal(TimeSpan.FromSeconds(2), retry.OnFailure(DeliveryFailureKind.SequenceLost, T0, "UnknownSequence"));
    }

    [Fact]
    public void Refusals_count_from_the_first_through_other_failures_until_the_limit_or_progress()
    {
        var retry = new DeliveryRetry(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), maxRefusals: 3);

        retry.OnFailure(DeliveryFailureKind.Refused, T0, "404");
        retry.OnFailure(DeliveryFailureKind.Transient, T0.AddSeconds(1), "down");
        retry.OnFailure(DeliveryFailureKind.Refused, T0.AddSeconds(3), "404 again");
        Assert.False(retry.RefusalLimitReached);
        retry.OnFailure(DeliveryFailureKind.Refused, T0.AddSeconds(7), "404 once more");

        Assert.True(retry.RefusalLimitReached);
        Assert.Equal(T0, retry.RefusedSince);
        Assert.Equal("404 once more", retry.LastRefusal);

        retry.OnRefusedSwept();
        Assert.False(retry.RefusalLimitReached);
        Assert.Null(retry.RefusedSince);
        Assert.Equal(4, retry.Failures); // the backoff goes on: the destination still refuses

        retry.OnFailure(DeliveryFailureKind.Refused, T0.AddSeconds(20), "404");
        retry.OnProgress();
        Assert.Equal(0, retry.Refusals);
    }
}
