using System.Text;

namespace WsRm.Testing;

/// <summary>
/// A client-side handler that records every request the client sends and knows when none is in flight. A request is
/// in flight from the moment the client hands it over until the client has processed its outcome: the response is
/// read whole here, then handed over on a task whose continuations run inline, so the client's own code that handles
/// it (an acknowledgement, a failure and the retry it schedules) has run before the request counts as finished.
/// That makes <see cref="IsIdle"/> a safe moment to move a <see cref="TestClock"/>.
/// </summary>
public sealed class TrafficRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Lock _lock = new();
    private readonly List<SentRequest> _sent = [];
    private int _inFlight;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every request sent so far, in the order they left.</summary>
    public IReadOnlyList<SentRequest> Sent
    {
        get { lock (_lock) return [.. _sent]; }
    }

    /// <summary>True when no request is in flight.</summary>
    public bool IsIdle
    {
        get { lock (_lock) return _inFlight == 0; }
    }

    /// <summary>Completes at the next request started or finished.</summary>
    public Task Changed
    {
        get { lock (_lock) return _changed.Task; }
    }

    /// <summary>Waits (bounded) until no request is in flight.</summary>
    public async Task IdleAsync()
    {
        while (true)
        {
            var changed = Changed;
            if (IsIdle) return;
            await changed.Within(Bounded.Short).ConfigureAwait(false);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : request.Content.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult();
        var headers = EnvelopeHeaders.Read(body);
        lock (_lock)
        {
            _sent.Add(new SentRequest(_sent.Count, headers?.Action, Encoding.UTF8.GetString(body))
            {
                SequenceId = headers?.SequenceId, MessageNumber = headers?.MessageNumber,
            });
            _inFlight++;
        }
        Signal();
        // No RunContinuationsAsynchronously: the caller's continuation runs inside SetResult, before the count drops.
        var outcome = new TaskCompletionSource<HttpResponseMessage>();
        _ = ExchangeAsync(request, outcome, cancellationToken);
        return outcome.Task;
    }

    private async Task ExchangeAsync(HttpRequestMessage request, TaskCompletionSource<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
            outcome.SetResult(response);
        }
        catch (OperationCanceledException e)
        {
            outcome.SetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            outcome.SetException(e);
        }
        finally
        {
            lock (_lock) _inFlight--;
            Signal();
        }
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
