using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// A SOAP router on loopback, as a partner's gateway would be: it reads wsa:To from each envelope (SOAP 1.1 or 1.2,
/// WS-Addressing 1.0 or 2004/08), posts the bytes unchanged to the physical URL mapped for that logical address, and
/// returns the answer as it came (status, content type, body). An unknown wsa:To gets a DestinationUnreachable fault
/// with HTTP 500; a body that is not a SOAP envelope gets 400. Every message handled is recorded.
/// </summary>
internal sealed class SoapRouter : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, Uri> _routes;
    private readonly HttpClient _client = new(WsRmHttp.CreateHandler()) { Timeout = Bounded.Long };
    private readonly ConcurrentQueue<RoutedMessage> _handled = new();
    private LoopbackServer? _server;

    private SoapRouter(IReadOnlyDictionary<string, Uri> routes) => _routes = routes;

    /// <summary>Where senders post (any path).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Every message handled, in the order the answers were returned.</summary>
    public IReadOnlyList<RoutedMessage> Handled => [.. _handled];

    /// <summary>Starts a router for <paramref name="routes"/>: logical address (exact wsa:To) to physical URL.</summary>
    public static async Task<SoapRouter> StartAsync(IReadOnlyDictionary<string, Uri> routes)
    {
        var router = new SoapRouter(routes);
        router._server = await LoopbackServer.StartAsync(app => app.Run(router.HandleAsync));
        router.Address = router._server.Url("/router");
        return router;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        if (EnvelopeHeaders.Read(body) is not { } request)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (request.To is null || !_routes.TryGetValue(request.To, out var destination))
        {
            var (fault, contentType) = DestinationUnreachableFault.For(request);
            await AnswerAsync(context, new RoutedMessage(request, null, StatusCodes.Status500InternalServerError, fault), contentType);
            return;
        }

        using var forward = new HttpRequestMessage(HttpMethod.Post, destination) { Content = new ByteArrayContent(body) };
        forward.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        if (context.Request.Headers.TryGetValue("SOAPAction", out var soapAction)) forward.Headers.TryAddWithoutValidation("SOAPAction", soapAction.ToString());
        using var response = await _client.SendAsync(forward, context.RequestAborted);
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        await AnswerAsync(context, new RoutedMessage(request, destination, (int)response.StatusCode, answer), response.Content.Headers.ContentType?.ToString());
    }

    private async Task AnswerAsync(HttpContext context, RoutedMessage message, string? contentType)
    {
        _handled.Enqueue(message);
        context.Response.StatusCode = message.Status;
        if (contentType is not null) context.Response.ContentType = contentType;
        context.Response.ContentLength = message.Response.Length;
        await context.Response.Body.WriteAsync(message.Response, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _client.Dispose();
    }
}
