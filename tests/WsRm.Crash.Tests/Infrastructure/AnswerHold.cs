namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// The answers a crash destroys on their way, on the client's side of the wire: once <see cref="Arm"/>ed, every HTTP
/// answer is held back from the client; <see cref="Drop"/> (when the host has been killed) fails them all, as if the
/// host had died before they left. The client then knows nothing of work the host committed and answered just before
/// the crash, and must get it again from the restarted host by retransmitting. Nothing in the host is changed.
/// </summary>
public sealed class AnswerHold
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _hold;
    private TaskCompletionSource? _held;
    private Func<string, bool> _signal = _ => true;
    private int _dropped;

    /// <summary>Answers dropped so far.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>
    /// Holds every answer from now on; the task completes once an answer whose body <paramref name="signal"/> accepts
    /// is held (for a durable endpoint: the work behind it is committed).
    /// </summary>
    public Task Arm(Func<string, bool> signal)
    {
        lock (_lock)
        {
            _signal = signal;
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _held.Task;
        }
    }

    /// <summary>Fails every held answer (the client sees a transport failure) and lets answers through again.</summary>
    public void Drop()
    {
        TaskCompletionSource? hold;
        lock (_lock)
        {
            hold = _hold;
            _hold = null;
        }
        hold?.TrySetException(new HttpRequestException("The answer was lost: the host crashed before it reached the client."));
    }

    /// <summary>A handler that holds answers for this, sending through <paramref name="inner"/>.</summary>
    public DelegatingHandler Handler(HttpMessageHandler inner) => new Holding(this, inner);

    private sealed class Holding(AnswerHold owner, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            TaskCompletionSource? hold, held;
            Func<string, bool> signal;
            lock (owner._lock) (hold, held, signal) = (owner._hold, owner._held, owner._signal);
            if (hold is null) return response;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (signal(body)) held!.TrySetResult();
            try
            {
                await hold.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref owner._dropped);
                response.Dispose();
                throw;
            }
            return response;
        }
    }
}
