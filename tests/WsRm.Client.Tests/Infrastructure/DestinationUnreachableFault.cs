using System.Text;
using System.Xml;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// The WS-Addressing DestinationUnreachable fault (WS-Addressing 1.0 SOAP Binding §6.4.2) in the request's SOAP and
/// WS-Addressing versions: SOAP 1.2 Sender with the subcode wsa:DestinationUnreachable; SOAP 1.1 with it as the
/// faultcode. The detail carries the wsa:ProblemIRI.
/// </summary>
internal static class DestinationUnreachableFault
{
    public static (byte[] Body, string ContentType) For(EnvelopeHeaders request)
    {
        var soap = request.SoapNamespace;
        var wsa = request.AddressingNamespace ?? EnvelopeHeaders.Wsa10;
        var action = wsa + "/fault";
        var reason = $"No route can be determined to reach {request.To ?? "(no wsa:To)"}.";
        var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartElement("s", "Envelope", soap);
            w.WriteAttributeString("xmlns", "a", null, wsa);
            w.WriteStartElement("Header", soap);
            w.WriteElementString("Action", wsa, action);
            if (request.MessageId is { } id) w.WriteElementString("RelatesTo", wsa, id);
            w.WriteEndElement();
            w.WriteStartElement("Body", soap);
            w.WriteStartElement("Fault", soap);
            if (request.IsSoap12)
            {
                w.WriteStartElement("Code", soap);
                w.WriteElementString("Value", soap, "s:Sender");
                w.WriteStartElement("Subcode", soap);
                w.WriteElementString("Value", soap, "a:DestinationUnreachable");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement("Reason", soap);
                w.WriteStartElement("Text", soap);
                w.WriteAttributeString("xml", "lang", null, "en");
                w.WriteString(reason);
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement("Detail", soap);
            }
            else
            {
                w.WriteElementString("faultcode", "a:DestinationUnreachable");
                w.WriteElementString("faultstring", reason);
                w.WriteStartElement("detail");
            }
            w.WriteElementString("ProblemIRI", wsa, request.To ?? "");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        var contentType = request.IsSoap12 ? $"application/soap+xml; charset=utf-8; action=\"{action}\"" : "text/xml; charset=utf-8";
        return (buffer.ToArray(), contentType);
    }
}
