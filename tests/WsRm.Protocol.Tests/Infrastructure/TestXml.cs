using System.Text;
using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Soap;

namespace WsRm.Protocol.Tests.Infrastructure;

/// <summary>Small helpers to build envelopes, read fragments and inspect written XML.</summary>
internal static class TestXml
{
    /// <summary>A SOAP envelope with prefix <c>s</c>, the given header blocks and body content.</summary>
    public static string Envelope(string soapNs, string headers, string body, string extraNamespaces = "") =>
        $"<s:Envelope xmlns:s=\"{soapNs}\"{extraNamespaces}><s:Header>{headers}</s:Header><s:Body>{body}</s:Body></s:Envelope>";

    /// <summary>UTF-8 bytes of <paramref name="xml"/>.</summary>
    public static ReadOnlyMemory<byte> Bytes(string xml) => Encoding.UTF8.GetBytes(xml);

    /// <summary>Reads <paramref name="xml"/> with <see cref="EnvelopeReader"/>.</summary>
    public static SoapMessage Read(string xml, string? transportAction = null) => EnvelopeReader.Read(Bytes(xml), transportAction);

    /// <summary>A reader over <paramref name="xml"/> positioned on its root element, set up like the product's reader.</summary>
    public static XmlReader ReaderOn(string xml)
    {
        var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        });
        reader.MoveToContent();
        return reader;
    }

    /// <summary>What <paramref name="write"/> writes, as a fragment string.</summary>
    public static string Write(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, OmitXmlDeclaration = true }))
        {
            write(w);
        }
        return sb.ToString();
    }

    /// <summary>What <paramref name="write"/> writes, parsed as a single element.</summary>
    public static XElement WriteElement(Action<XmlWriter> write) => XElement.Parse(Write(write));

    /// <summary>The message written by <see cref="EnvelopeWriter"/>, parsed.</summary>
    public static XDocument Render(OutgoingMessage message) => XDocument.Parse(Encoding.UTF8.GetString(EnvelopeWriter.ToArray(message)));

    /// <summary>Resolves an element whose text is a QName (<c>prefix:local</c>) against the namespaces in scope.</summary>
    public static XName QNameValue(XElement element)
    {
        var text = element.Value.Trim();
        var colon = text.IndexOf(':');
        var prefix = colon < 0 ? "" : text[..colon];
        var local = colon < 0 ? text : text[(colon + 1)..];
        var ns = prefix.Length == 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(prefix);
        Assert.True(ns is not null, $"prefix '{prefix}' of '{text}' is not declared");
        return ns! + local;
    }
}
