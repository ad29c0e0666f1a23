namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// Fails the first <c>count</c> requests for SOAP action <c>action</c> as a refused connection would (without sending
/// them), and passes everything else on.
/// </summary>
internal sealed class FailingFirstHandler(string action, int count) : DelegatingHandler(WsRmHttp.CreateHandler())
{
    private int _seen;
    private int _failures;

    /// <summary>Requests failed so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var soapAction = request.Headers.TryGetValues("SOAPAction", out var values) ? string.Join("", values) : "";
        var contentType = request.Content?.Headers.ContentType?.ToString() ?? "";
        var matches = soapAction.Contains(action, StringComparison.Ordinal) || contentType.Contains(action, StringComparison.Ordinal);
        if (matches && Interlocked.Increment(ref _seen) <= count)
        {
            Interlocked.Increment(ref _failures);
            throw new HttpRequestException("connection refused (scripted)");
        }
        return base.SendAsync(request, cancellationToken);
    }
}
