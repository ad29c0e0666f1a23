namespace WsRm.Bench.ClientLoad;

/// <summary>
/// Counts every HTTP request a client sends and the status that answers it (both clients get one, so a
/// retransmission or a 503 shows whichever client made it).
/// </summary>
internal sealed class CountingHandler(HttpStats stats, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        stats.Request();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            stats.Error();
            throw;
        }
        stats.Status((int)response.StatusCode);
        return response;
    }
}
