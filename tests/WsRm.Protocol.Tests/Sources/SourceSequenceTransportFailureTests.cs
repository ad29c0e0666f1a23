using Microsoft.Extensions.Time.Testing;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

/// <summary>
/// <see cref="SourceSequence.OnTransmissionFailed"/>: a transmission that got no answer at all is retried soon, backed
/// off per failure, capped by the message's own timer, and counted toward MaxRetryCount. The clock is a
/// FakeTimeProvider; the default settings apply (RTO 1 s, transport retry delay 100 ms) unless a test says otherwise.
/// </summary>
public class SourceSequenceTransportFailureTests
{
    private const string Refused = "Connection refused (127.0.0.1:9)";
    private readonly FakeTimeProvider _time = new(T0);

    private DateTimeOffset Now => _time.GetUtcNow();

    private double Elapsed(DateTimeOffset? at) => (at!.Value - T0).TotalMilliseconds;

    // Sends every due message and fails each transmission at once, until the sequence faults; returns the attempt times.
    private List<double> RefuseEverything(SourceSequence s)
    {
        var attempts = new List<double> { 0 };
        s.OnTransmissionFailed(1, Now, Refused, attempt: 1);
        while (s.NextDueTime is { } due)
        {
            _time.SetUtcNow(due);
            var batch = s.DueRetransmissions(Now);
            if (batch.IsFailure) break;
            Assert.Equal([1UL], batch.Numbers);
            s.OnSent(1, Now);
            attempts.Add(Elapsed(Now));
            s.OnTransmissionFailed(1, Now, Refused, s.TransmissionsOf(1));
        }
        return attempts;
    }

    [Fact]
    public void A_failed_transmission_is_due_after_the_transport_delay_not_the_retransmission_timeout()
    {
        var s = Active();
        SendMany(s, 1, Now);
        Assert.Equal(1000, Elapsed(s.NextDueTime));

        _time.Advance(TimeSpan.FromMilliseconds(10));
        var due = s.OnTransmissionFailed(1, Now, Refused, attempt: 1);

        Assert.Equal(110, Elapsed(due));
        Assert.Equal(due, s.NextDueTime);
        Assert.Empty(s.DueRetransmissions(Ms(109)).Numbers);
        Assert.Equal([1UL], s.DueRetransmissions(Ms(110)).Numbers);
    }

    [Fact]
    public void Consecutive_failures_of_a_message_double_the_delay_and_every_attempt_counts_toward_MaxRetryCount()
    {
        var s = Active(new SourceSequenceSettings { MaxRetryCount = 8 });
        SendMany(s, 1, Now);

        var attempts = RefuseEverything(s);

        // 1 + 8 transmissions, 100 ms · 2^n apart; after the ninth fails the sequence faults at once, not a timer later.
        Assert.Equal([0, 100, 300, 700, 1500, 3100, 6300, 12700, 25500], attempts);
        Assert.Equal(25500, Elapsed(Now));
        Assert.Equal(SourceState.Faulted, s.State);
        Assert.Equal((SourceFailureKind.RetriesExhausted, (int?)9), (s.Failure!.Kind, s.Failure.Attempts));
    }

    [Fact]
    public void The_delay_never_exceeds_the_messages_timer_and_the_timer_is_never_pushed_later()
    {
        var s = Active(new SourceSequenceSettings
        {
            InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(300),
            MaxRetransmissionTimeout = TimeSpan.FromMilliseconds(300),
            MaxRetryCount = 20,
        });
        SendMany(s, 1, Now);

        var attempts = RefuseEverything(s);

        // 100, 200, then the 300 ms ceiling of the timer.
        Assert.Equal([0, 100, 300, 600, 900, 1200], attempts.Take(6));

        var late = Active();
        SendMany(late, 1, T0);                   // timer at 1 s
        Assert.Equal(1000, Elapsed(late.OnTransmissionFailed(1, Ms(950), Refused))); // 1.05 s would be later
    }

    [Fact]
    public void A_failure_of_an_older_transmission_keeps_the_newer_ones_timer_but_records_its_error()
    {
        var s = Active(new SourceSequenceSettings { MaxRetryCount = 1 });
        SendMany(s, 1, T0);                      // attempt 1, timer at 1 s
        Assert.Equal([1UL], s.DueRetransmissions(Ms(1000)).Numbers);
        s.OnSent(1, Ms(1000));                   // attempt 2, timer at 3 s
        Assert.Equal(2, s.TransmissionsOf(1));

        Assert.Null(s.OnTransmissionFailed(1, Ms(1200), "HTTP 503 Service Unavailable", attempt: 1));
        Assert.Equal(3000, Elapsed(s.NextDueTime));

        var batch = s.DueRetransmissions(Ms(3000));
        Assert.True(batch.IsFailure);
        Assert.Equal(
            "Message 1 of sequence urn:uuid:source was not acknowledged after 2 transmissions. The last transport error: HTTP 503 Service Unavailable",
            batch.Failure!.Message);
        Assert.Equal("HTTP 503 Service Unavailable", batch.Failure.LastTransportError);
    }

    [Fact]
    public void Exhausted_retries_name_the_last_transport_error()
    {
        var s = Active(new SourceSequenceSettings { MaxRetryCount = 2 });
        SendMany(s, 1, Now);

        var attempts = RefuseEverything(s);

        Assert.Equal([0, 100, 300], attempts);
        Assert.Equal(RetransmissionBatch.None, s.DueRetransmissions(Now));
        Assert.Equal(
            $"Message 1 of sequence urn:uuid:source was not acknowledged after 3 transmissions. The last transport error: {Refused}",
            s.Failure!.Message);
        Assert.Equal(Refused, s.Failure.LastTransportError);
    }

    [Fact]
    public void Failures_back_off_the_sequence_until_a_fresh_sample_like_timeouts_do()
    {
        var s = Active();
        SendMany(s, 3, T0);
        for (ulong n = 1; n <= 3; n++) s.OnTransmissionFailed(n, Ms(5), Refused);

        Assert.Equal([1UL, 2, 3], s.DueRetransmissions(Ms(105)).Numbers);
        Assert.Equal(1, s.Rtt.BackoffLevel);     // once for the whole burst
        foreach (var n in new ulong[] { 1, 2, 3 }) s.OnSent(n, Ms(105));

        SendMany(s, 1, Ms(200));                 // message 4 sent once: a fresh sample
        s.OnAcknowledgement(Ack(1, 4), Ms(250));
        Assert.Equal((0, 1), (s.Rtt.BackoffLevel, s.Rtt.Generation));
    }

    [Fact]
    public void Nothing_changes_for_an_acknowledged_unsent_or_unknown_message_or_a_sequence_that_stopped_sending()
    {
        var s = Active();
        SendMany(s, 1, T0);
        s.TryAssign("unsent", T0);
        s.OnAcknowledgement(Ack(1, 1), Ms(10));

        Assert.Null(s.OnTransmissionFailed(1, Ms(20), Refused));   // acknowledged
        Assert.Null(s.OnTransmissionFailed(2, Ms(20), Refused));   // never sent
        Assert.Null(s.OnTransmissionFailed(99, Ms(20), Refused));  // unknown
        Assert.Equal(0, s.TransmissionsOf(99));

        var faulted = Active();
        SendMany(faulted, 1, T0);
        faulted.Fault(SourceFailure.Inactive(Id, TimeSpan.FromSeconds(1)));
        Assert.Null(faulted.OnTransmissionFailed(1, Ms(20), Refused));
        Assert.Null(faulted.NextDueTime);
    }

    [Fact]
    public void RetryDelayAfterFailures_doubles_from_the_setting_and_stops_at_the_levels_timeout()
    {
        var s = Active(new SourceSequenceSettings { TransportRetryDelay = TimeSpan.FromMilliseconds(250) });

        Assert.Equal(
            [250, 500, 1000, 1000],
            new[] { 1, 2, 3, 4 }.Select(f => s.RetryDelayAfterFailures(f, backoffLevel: 0).TotalMilliseconds));
        Assert.Equal(2000, s.RetryDelayAfterFailures(5, backoffLevel: 1).TotalMilliseconds);
        Assert.Equal(250, s.RetryDelayAfterFailures(0, backoffLevel: 0).TotalMilliseconds);
    }
}
