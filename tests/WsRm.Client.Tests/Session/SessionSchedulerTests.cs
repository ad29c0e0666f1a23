using System.Threading.Channels;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// The session's timer loop on a <see cref="TestClock"/>. The loop announces a wait (Waiting) just before it arms its
/// timer; the clock is moved only once that timer is armed (<see cref="TestClock.ArmedAtAsync"/>), since a timer armed
/// after the move would count its delay from the moved clock.
/// </summary>
public sealed class SessionSchedulerTests
{
    private readonly TestClock _time = new();
    private readonly Channel<DateTimeOffset?> _waits = Channel.CreateUnbounded<DateTimeOffset?>();
    private readonly Channel<DateTimeOffset> _calls = Channel.CreateUnbounded<DateTimeOffset>();
    private DateTimeOffset? _due;

    private SessionScheduler Create()
    {
        var scheduler = new SessionScheduler(_time, () => _due, now =>
        {
            _due = null; // handled
            _calls.Writer.TryWrite(now);
        });
        scheduler.Waiting += due => _waits.Writer.TryWrite(due);
        return scheduler;
    }

    [Fact]
    public async Task Calls_back_when_the_due_time_is_reached_and_not_before()
    {
        var start = _time.GetUtcNow();
        _due = start + TimeSpan.FromSeconds(2);
        var scheduler = Create();
        using var stop = new CancellationTokenSource();
        var loop = scheduler.RunAsync(stop.Token);

        Assert.Equal(start + TimeSpan.FromSeconds(2), await _waits.Reader.ReadAsync().AsTask().Within(Bounded.Short));
        await _time.ArmedAtAsync(start + TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(_calls.Reader.TryRead(out _));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(start + TimeSpan.FromSeconds(2), await _calls.Reader.ReadAsync().AsTask().Within(Bounded.Short));

        stop.Cancel();
        await loop.Within(Bounded.Short);
    }

    [Fact]
    public async Task Wake_rereads_an_earlier_due_time()
    {
        var start = _time.GetUtcNow();
        var scheduler = Create();
        using var stop = new CancellationTokenSource();
        var loop = scheduler.RunAsync(stop.Token);
        Assert.Null(await _waits.Reader.ReadAsync().AsTask().Within(Bounded.Short)); // nothing due: waits for a wake

        _due = start + TimeSpan.FromSeconds(1);
        scheduler.Wake();
        Assert.Equal(start + TimeSpan.FromSeconds(1), await _waits.Reader.ReadAsync().AsTask().Within(Bounded.Short));
        await _time.ArmedAtAsync(start + TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start + TimeSpan.FromSeconds(1), await _calls.Reader.ReadAsync().AsTask().Within(Bounded.Short));

        stop.Cancel();
        await loop.Within(Bounded.Short);
    }

    [Fact]
    public async Task A_due_time_in_the_past_is_handled_at_once()
    {
        _due = _time.GetUtcNow() - TimeSpan.FromSeconds(1);
        var scheduler = Create();
        using var stop = new CancellationTokenSource();
        var loop = scheduler.RunAsync(stop.Token);
        Assert.Equal(_time.GetUtcNow(), await _calls.Reader.ReadAsync().AsTask().Within(Bounded.Short));
        stop.Cancel();
        await loop.Within(Bounded.Short);
    }

    [Fact]
    public async Task WakeIfEarlier_wakes_for_an_earlier_due_time_only()
    {
        var start = _time.GetUtcNow();
        _due = start + TimeSpan.FromSeconds(5);
        var scheduler = Create();
        using var stop = new CancellationTokenSource();
        var loop = scheduler.RunAsync(stop.Token);
        Assert.Equal(start + TimeSpan.FromSeconds(5), await _waits.Reader.ReadAsync().AsTask().Within(Bounded.Short));

        _due = start + TimeSpan.FromSeconds(9); // later: the loop keeps sleeping until 5 s and re-reads then
        scheduler.WakeIfEarlier();
        _due = start + TimeSpan.FromSeconds(2); // earlier: the loop must re-arm now
        scheduler.WakeIfEarlier();
        Assert.Equal(start + TimeSpan.FromSeconds(2), await _waits.Reader.ReadAsync().AsTask().Within(Bounded.Short));
        Assert.False(_waits.Reader.TryRead(out _));

        await _time.ArmedAtAsync(start + TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(start + TimeSpan.FromSeconds(2), await _calls.Reader.ReadAsync().AsTask().Within(Bounded.Short));
        stop.Cancel();
        await loop.Within(Bounded.Short);
    }
}
