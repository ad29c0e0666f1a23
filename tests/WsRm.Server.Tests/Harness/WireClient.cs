using System.Net.Http.Headers;
using System.Text;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// Posts raw envelopes the way a SOAP client does: SOAP 1.2 as <c>application/soap+xml; charset=utf-8; action="…"</c>,
/// SOAP 1.1 as <c>text/xml; charset=utf-8</c> with a <c>SOAPAction</c> header. Every call is bounded.
/// </summary>
internal sealed class WireClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>The absolute URL of <paramref name="path"/> on the test server (used as wsa:To).</summary>
    public string Url(string path) => new Uri(Http.BaseAddress!, path).ToString();

    public Task<WireResponse> SendAsync(string path, Envelope envelope) =>
        SendAsync(path, envelope.Wire.Soap, envelope.Build(), envelope.Action);

    public Task<WireResponse> SendAsync(string path, SoapSpec soap, string xml, string? action)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = SoapContent(soap, xml, action) };
        if (soap == SoapSpec.Soap11) request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
        return SendAsync(request);
    }

    /// <summary>Sends a hand-made request (wrong method, content type, body stream…).</summary>
    public async Task<WireResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request).Within();
        var bytes = await response.Content.ReadAsByteArrayAsync().Within();
        return new WireResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), Encoding.UTF8.GetString(bytes),
            response.Content.Headers.Allow.ToArray());
    }

    /// <summary>The SOAP content for <paramref name="xml"/>: the media type and, for SOAP 1.2, the action parameter.</summary>
    public static HttpContent SoapContent(SoapSpec soap, string xml, string? action)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        var type = soap == SoapSpec.Soap12
            ? "application/soap+xml; charset=utf-8" + (action is null ? "" : $"; action=\"{action}\"")
            : "text/xml; charset=utf-8";
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    /// <summary>
    /// The texts posted so far that start with <paramref name="prefix"/>, asked over the plain endpoint (the store is
    /// shared by both endpoints of WsRm.Host).
    /// </summary>
    public async Task<string[]> ReceivedAsync(string prefix, string path = "/plain/echo")
    {
        var envelope = new Envelope(new Wire(RmSpec.Rm11, SoapSpec.Soap12))
            .WithAction(Ns.ReceivedAction).WithMessageId().WithReplyToAnonymous().WithTo(Url(path))
            .WithBody(Messages.ReceivedBody(prefix));
        var response = await SendAsync(path, envelope);
        response.AssertOk();
        return response.BodyElement!.Descendants(System.Xml.Linq.XName.Get("string", Ns.Arrays)).Select(e => e.Value).ToArray();
    }
}
