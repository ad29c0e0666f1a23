using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// Drives a session's timer loop on a <see cref="FakeTimeProvider"/> while its HTTP exchanges are real: before each
/// jump it waits (on the session's own signal) until every exchange in flight ended and was processed, so a jump never
/// times out a request that was about to be answered; then it jumps to the session's next due time and waits for the
/// loop to handle it. Deterministic on a loaded machine.
/// </summary>
internal sealed class FakeTimeDriver : IDisposable
{
    private readonly WsRmSession _session;
    private readonly FakeTimeProvider _time;

    // Something happened: the timer loop armed itself, or an exchange ended.
    private readonly Channel<bool> _events = Channel.CreateUnbounded<bool>();
    private Task<bool>? _pendingRead;

    public FakeTimeDriver(WsRmSession session, FakeTimeProvider time)
    {
        _session = session;
        _time = time;
        session.Scheduler.Waiting += OnWaiting;
        session.RequestEnded += OnEvent;
    }

    /// <summary>Jumps made so far.</summary>
    public int Jumps { get; private set; }

    /// <summary>Completes when no HTTP exchange of the session is in flight.</summary>
    public async Task IdleAsync()
    {
        while (_session.RequestsInFlight > 0) await NextEventAsync(null);
    }

    /// <summary>
    /// Jumps from due time to due time until <paramref name="done"/> holds (checked whenever the session is idle) or
    /// the timer loop ended; <paramref name="beforeJump"/> runs before each jump (a destination releasing what it
    /// holds). Never jumps past <paramref name="notAfter"/> (a deadline the test must not run out, such as the close
    /// timeout while the close still has exchanges to make): when the next due time is beyond it, or there is none,
    /// the session is left to go on by itself until its next event or until <paramref name="completion"/> completes.
    /// Fails after <paramref name="maxSteps"/>.
    /// </summary>
    public async Task RunUntilAsync(Func<bool> done, Action? beforeJump = null, DateTimeOffset? notAfter = null, Task? completion = null, int maxSteps = 400)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            await IdleAsync();
            if (done() || _session.TimerLoop.IsCompleted) return;
            var next = _session.NextDueTime;
            if (next is null || (notAfter is { } limit && next > limit))
            {
                await NextEventAsync(completion);
                continue;
            }
            beforeJump?.Invoke();
            if (next > _time.GetUtcNow()) _time.SetUtcNow(next.Value);
            Jumps++;
            _session.Scheduler.Wake(); // the loop handles the due time, then arms itself again: an event
            await NextEventAsync(_session.TimerLoop);
        }
        Assert.Fail($"Not done after {maxSteps} steps (now {_time.GetUtcNow():O}, next {_session.NextDueTime:O}, "
            + $"in flight {_session.RequestsInFlight}, unacknowledged {_session.UnacknowledgedCount}, faulted {_session.IsFaulted}).");
    }

    public void Dispose()
    {
        _session.Scheduler.Waiting -= OnWaiting;
        _session.RequestEnded -= OnEvent;
    }

    // The next event, or the completion of `also`; one read is kept pending across calls so that no event is lost.
    private async Task NextEventAsync(Task? also)
    {
        _pendingRead ??= _events.Reader.ReadAsync().AsTask();
        await Task.WhenAny(_pendingRead, also ?? Task.Delay(Timeout.Infinite)).Within(Bounded.Short);
        if (_pendingRead.IsCompleted) _pendingRead = null;
    }

    private void OnWaiting(DateTimeOffset? due) => OnEvent();

    private void OnEvent() => _events.Writer.TryWrite(true);
}
