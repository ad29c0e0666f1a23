using System.Net;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// Counts what a client's HTTP requests met: answers by status, and transport failures (refused, reset, no answer).
/// Put in front of our client's handler, or of WCF's (<see cref="WcfHttpHandlers"/>). A test can wait for a status to
/// have been seen a number of times (e.g. the host's 503 while its database is down).
/// </summary>
public sealed class HttpCounts
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, int> _statuses = [];
    private readonly List<(int Status, int Times, TaskCompletionSource Seen)> _waiters = [];
    private int _requests;
    private int _failures;

    /// <summary>Requests sent.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests that got no HTTP answer (connection refused or reset, timeout).</summary>
    public int TransportFailures => Volatile.Read(ref _failures);

    /// <summary>How many answers had <paramref name="status"/>.</summary>
    public int Count(HttpStatusCode status)
    {
        lock (_lock) return _statuses.GetValueOrDefault((int)status);
    }

    /// <summary>Completes once <paramref name="times"/> answers had <paramref name="status"/>.</summary>
    public Task SeenAsync(HttpStatusCode status, int times)
    {
        lock (_lock)
        {
            if (_statuses.GetValueOrDefault((int)status) >= times) return Task.CompletedTask;
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(((int)status, times, seen));
            return seen.Task;
        }
    }

    /// <summary>A handler that counts into this, sending through <paramref name="inner"/>.</summary>
    public DelegatingHandler Handler(HttpMessageHandler inner) => new Counting(this, inner);

    /// <summary>"requests 812, 200: 790, 202: 3, 503: 12, no answer: 7".</summary>
    public override string ToString()
    {
        lock (_lock)
            return $"requests {Requests}, " + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))
                + $", no answer: {TransportFailures}";
    }

    private void Answered(int status)
    {
        List<TaskCompletionSource> seen = [];
        lock (_lock)
        {
            var times = _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            foreach (var waiter in _waiters.Where(w => w.Status == status && w.Times <= times).ToList())
            {
                _waiters.Remove(waiter);
                seen.Add(waiter.Seen);
            }
        }
        foreach (var s in seen) s.TrySetResult();
    }

    private sealed class Counting(HttpCounts counts, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._requests);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Interlocked.Increment(ref counts._failures);
                throw;
            }
            counts.Answered((int)response.StatusCode);
            return response;
        }
    }
}
