using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// What came back on the wire: status, content type and the envelope, with readers for the headers a WS-RM test
/// looks at. Parsed with <see cref="XDocument"/>; lookups are by namespace, never by prefix.
/// </summary>
internal sealed class WireResponse
{
    private readonly Lazy<XDocument?> _xml;

    public WireResponse(HttpStatusCode status, string? contentType, string text, string[] allow)
    {
        Status = status;
        ContentType = contentType;
        Text = text;
        Allow = allow;
        _xml = new(() => text.Length == 0 ? null : XDocument.Parse(text));
    }

    public HttpStatusCode Status { get; }
    public string? ContentType { get; }
    public string Text { get; }
    public string[] Allow { get; }

    public XDocument? Xml => _xml.Value;
    public XElement Envelope => Xml?.Root ?? throw new Xunit.Sdk.XunitException($"Empty response body (HTTP {(int)Status}).");
    public string SoapNs => Envelope.Name.NamespaceName;
    public XElement? Header => Envelope.Element(XName.Get("Header", SoapNs));
    public XElement Body => Envelope.Element(XName.Get("Body", SoapNs)) ?? throw new Xunit.Sdk.XunitException("No soap:Body.\n" + Text);

    /// <summary>The first child of soap:Body.</summary>
    public XElement? BodyElement => Body.Elements().FirstOrDefault();

    /// <summary>Header blocks with this local name in any namespace of <paramref name="namespaces"/> (default: either WS-Addressing).</summary>
    public XElement? HeaderBlock(string localName, params string[] namespaces)
    {
        if (namespaces.Length == 0) namespaces = [Ns.Wsa10, Ns.Wsa200408];
        return Header?.Elements().FirstOrDefault(e => e.Name.LocalName == localName && namespaces.Contains(e.Name.NamespaceName));
    }

    public string? Action => HeaderBlock("Action")?.Value.Trim();
    public string? RelatesTo => HeaderBlock("RelatesTo")?.Value.Trim();

    /// <summary>The Sequence header (either RM namespace), or null.</summary>
    public SequenceView? Sequence
    {
        get
        {
            var e = HeaderBlock("Sequence", Ns.Rm10, Ns.Rm11);
            if (e is null) return null;
            var ns = e.Name.Namespace;
            return new SequenceView(e.Element(ns + "Identifier")!.Value.Trim(),
                ulong.Parse(e.Element(ns + "MessageNumber")!.Value.Trim(), CultureInfo.InvariantCulture),
                e.Element(ns + "LastMessage") is not null);
        }
    }

    /// <summary>Every SequenceAcknowledgement header.</summary>
    public IReadOnlyList<AckView> Acks =>
        Header?.Elements().Where(e => e.Name.LocalName == "SequenceAcknowledgement" && e.Name.NamespaceName is Ns.Rm10 or Ns.Rm11)
            .Select(AckView.Read).ToList() ?? [];

    /// <summary>The single acknowledgement of sequence <paramref name="id"/>.</summary>
    public AckView AckFor(string id)
    {
        var acks = Acks.Where(a => a.Identifier == id).ToList();
        Assert.True(acks.Count == 1, $"Expected one SequenceAcknowledgement for {id}, found {acks.Count}.\n{Text}");
        return acks[0];
    }

    /// <summary>The soap:Fault in the body, or null.</summary>
    public FaultView? Fault => BodyElement is { } b && b.Name.LocalName == "Fault" ? FaultView.Read(this, b) : null;

    /// <summary>The media type and its parameters, e.g. ("application/soap+xml", action).</summary>
    public string? MediaType => ContentType?.Split(';')[0].Trim();

    /// <summary>The content type's action parameter (SOAP 1.2), unquoted.</summary>
    public string? ContentTypeAction => ContentType?.Split(';').Select(p => p.Trim())
        .FirstOrDefault(p => p.StartsWith("action=", StringComparison.OrdinalIgnoreCase))?[7..].Trim('"');

    /// <summary>HTTP 200 with a SOAP envelope and no fault.</summary>
    public void AssertOk()
    {
        Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}.\n{Text}");
        Assert.Null(Fault);
    }

    public override string ToString() => $"HTTP {(int)Status} {ContentType}\n{Text}";
}
