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
    private readonly Channel<DateTimeOffset?> _armed = Channel.CreateUnbounded<DateTimeOffset?>();
    private readonly Channel<bool> _ended = Channel.CreateUnbounded<bool>();

    public FakeTimeDriver(WsRmSession session, FakeTimeProvider time)
    {
        _session = session;
        _time = time;
        session.Scheduler.Waiting += OnWaiting;
        session.RequestEnded += OnEnded;
    }

    /// <summary>Jumps made so far.</summary>
    public int Jumps { get; private set; }

    /// <summary>Completes when no HTTP exchange of the session is in flight.</summary>
    public async Task IdleAsync()
    {
        while (_session.RequestsInFlight > 0) await _ended.Reader.ReadAsync().AsTask().Within(Bounded.Short);
    }

    /// <summary>
    /// Jumps from due time to due time until <paramref name="done"/> holds (checked whenever the session is idle) or
    /// the timer loop ended; <paramref name="beforeJump"/> runs before each jump (a destination releasing what it
    /// holds). Fails after <paramref name="maxJumps"/>.
    /// </summary>
    public async Task RunUntilAsync(Func<bool> done, Action? beforeJump = null, int maxJumps = 200)
    {
        for (var i = 0; i < maxJumps; i++)
        {
            await IdleAsync();
            if (done() || _session.TimerLoop.IsCompleted) return;
            beforeJump?.Invoke();
            while (_armed.Reader.TryRead(out _)) { }
            if (_session.NextDueTime is { } at && at > _time.GetUtcNow()) _time.SetUtcNow(at);
            Jumps++;
            _session.Scheduler.Wake();
            await Task.WhenAny(_armed.Reader.ReadAsync().AsTask(), _session.TimerLoop).Within(Bounded.Short);
        }
        Assert.Fail($"Not done after {maxJumps} timer jumps (now {_time.GetUtcNow():O}).");
    }

    public void Dispose()
    {
        _session.Scheduler.Waiting -= OnWaiting;
        _session.RequestEnded -= OnEnded;
    }

    private void OnWaiting(DateTimeOffset? due) => _armed.Writer.TryWrite(due);

    private void OnEnded() => _ended.Writer.TryWrite(true);
}
