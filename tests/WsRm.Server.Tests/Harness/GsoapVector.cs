using System.Text;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// One request gSOAP's WS-RM client really sent (captured by <c>interop/gsoap/capture.py</c>): its HTTP headers and
/// its body, replayed byte for byte except for the edits a test makes (the sequence identifier the server issued).
/// </summary>
internal sealed record GsoapVector(string Name, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    /// <summary>The SOAPAction header, unquoted (gSOAP sends it with SOAP 1.2 too).</summary>
    public string Action => Header("SOAPAction")!.Trim('"');

    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The body parsed, for reading identifiers; never used to re-serialise what is sent.</summary>
    public XElement Envelope => XElement.Parse(Body);

    /// <summary>The same request with its body edited as text.</summary>
    public GsoapVector WithBody(Func<string, string> edit) => this with { Body = edit(Body) };

    /// <summary>Every occurrence of <paramref name="captured"/> (a sequence identifier) replaced by <paramref name="actual"/>.</summary>
    public GsoapVector Replacing(string captured, string actual) => WithBody(b => b.Replace(captured, actual, StringComparison.Ordinal));

    /// <summary>Posts the request with gSOAP's headers: its Content-Type, SOAPAction, User-Agent and Connection: close.</summary>
    public Task<WireResponse> SendAsync(WireClient client, string path = "/echo")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
        content.Headers.TryAddWithoutValidation("Content-Type", Header("Content-Type"));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", Header("SOAPAction"));
        request.Headers.TryAddWithoutValidation("User-Agent", Header("User-Agent"));
        request.Headers.ConnectionClose = string.Equals(Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
        return client.SendAsync(request);
    }

    public override string ToString() => Name;
}
