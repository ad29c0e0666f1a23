using System.Net;
using Microsoft.AspNetCore.Http;

namespace WsRm.Testing;

public sealed partial class LossyForwarder
{
    // Carries out the fault decided for one exchange: before forwarding, the forwarding itself, then the answer.
    private async Task ApplyAsync(HttpContext context, LossyExchange exchange, FaultRoll roll, byte[] body, CancellationToken cancel)
    {
        switch (roll.Fault)
        {
            case LossyFault.DropRequest:
                Interlocked.Increment(ref _droppedRequests);
                context.Abort();
                return;
            case LossyFault.BadGateway: await HtmlAsync(context, 502, "Bad Gateway").ConfigureAwait(false); return;
            case LossyFault.ServiceUnavailable: await HtmlAsync(context, 503, "Service Unavailable").ConfigureAwait(false); return;
            case LossyFault.InternalErrorNotSoap: await HtmlAsync(context, 500, "Internal Server Error").ConfigureAwait(false); return;
            case LossyFault.NotFound: await HtmlAsync(context, 404, "Not Found").ConfigureAwait(false); return;
            case LossyFault.DelayRequest:
                Interlocked.Increment(ref _delayedRequests);
                await Task.Delay(roll.Delay, _time, cancel).ConfigureAwait(false);
                break;
            case LossyFault.ReorderRequest:
                if (await HoldAsync(exchange, _heldRequests, cancel).ConfigureAwait(false)) Interlocked.Increment(ref _reorderedRequests);
                else Interlocked.Increment(ref _requestHoldsExpired);
                break;
        }

        CapturedResponse response;
        if (roll.Fault == LossyFault.DuplicateRequestAfterAnswer)
        {
            await ForwardAsync(context.Request, body, exchange, cancel).ConfigureAwait(false);
            response = await ForwardAsync(context.Request, body, exchange, cancel).ConfigureAwait(false);
            Interlocked.Increment(ref _duplicatedRequests);
        }
        else if (roll.Fault == LossyFault.DuplicateRequest)
        {
            var first = ForwardAsync(context.Request, body, exchange, cancel);
            var second = ForwardAsync(context.Request, body, exchange, cancel);
            var both = await Task.WhenAll(first, second).ConfigureAwait(false);
            Interlocked.Increment(ref _duplicatedRequests);
            response = both[roll.Pick % 2];
        }
        else
        {
            response = await ForwardAsync(context.Request, body, exchange, cancel).ConfigureAwait(false);
        }

        switch (roll.Fault)
        {
            case LossyFault.DropResponse:
                Interlocked.Increment(ref _droppedResponses);
                context.Abort();
                return;
            case LossyFault.StallResponse:
                await StallAsync(context, cancel).ConfigureAwait(false);
                return;
            case LossyFault.DuplicateResponse:
                response = Stale(exchange.SequenceId!, roll.Pick);
                Interlocked.Increment(ref _duplicatedResponses);
                break;
            case LossyFault.DelayResponse:
                Interlocked.Increment(ref _delayedResponses);
                await Task.Delay(roll.Delay, _time, cancel).ConfigureAwait(false);
                break;
            case LossyFault.ReorderResponse:
                if (await HoldAsync(exchange, _heldResponses, cancel).ConfigureAwait(false)) Interlocked.Increment(ref _reorderedResponses);
                else Interlocked.Increment(ref _responseHoldsExpired);
                break;
        }

        context.Response.StatusCode = response.Status;
        if (response.ContentType is { } type) context.Response.ContentType = type;
        context.Response.ContentLength = response.Body.Length;
        if (roll.Fault == LossyFault.ResetMidResponse)
        {
            await context.Response.Body.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), cancel).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(response.Body, cancel).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
        OnAnswered(exchange);
        if (roll.Fault != LossyFault.DuplicateResponse) Keep(exchange.SequenceId, response);
    }

    // Holds the response until the client gives up (its request is aborted), at most MaxStall; then aborts.
    private async Task StallAsync(HttpContext context, CancellationToken cancel)
    {
        var since = _time.GetTimestamp();
        _stallStarted.TrySetResult();
        try
        {
            await Task.Delay(_profile.MaxStall, _time, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            _stallAbandoned.TrySetResult(_time.GetElapsedTime(since));
        }
        context.Abort();
    }

    private static async Task HtmlAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"<html><body><h1>{status} {reason}</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<CapturedResponse> ForwardAsync(HttpRequest request, byte[] body, LossyExchange exchange, CancellationToken cancel)
    {
        var url = new Uri(_target, request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Version = HttpVersion.Version11 };
        message.Content = new SignallingContent(body, () => OnWritten(exchange));
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        if (request.Headers.TryGetValue("SOAPAction", out var soapAction)) message.Headers.TryAddWithoutValidation("SOAPAction", soapAction.ToString());
        using var response = await _client.SendAsync(message, cancel).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
        return new CapturedResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), bytes);
    }
}
