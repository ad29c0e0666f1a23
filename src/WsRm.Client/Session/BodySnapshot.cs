using System.Text;
using System.Xml;

namespace WsRm.Client;

/// <summary>
/// Renders the caller's body writer once, before the message is numbered: a writer that throws fails the call without
/// consuming a message number, and every retransmission sends exactly the same body.
/// </summary>
internal static class BodySnapshot
{
    private static readonly XmlWriterSettings Settings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        CloseOutput = true,
    };

    public static Action<XmlWriter> Render(Action<XmlWriter> writeBody)
    {
        var text = new StringBuilder(256);
        using (var writer = XmlWriter.Create(text, Settings)) writeBody(writer);
        var xml = text.ToString();
        return w => w.WriteRaw(xml);
    }
}
