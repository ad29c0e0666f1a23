using System.Text;
using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Faults;
using WsRm.Server.Dispatch;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>
/// Feeds a request body to an operation the way the server does (a reader on the first child of soap:Body) and
/// captures what the result writes.
/// </summary>
internal static class DispatchHarness
{
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Invokes the operation for <paramref name="action"/> on <paramref name="body"/> (the XML inside soap:Body) and, for
    /// results other than deserialization faults, checks the reader stopped at the Body end element.
    /// </summary>
    public static async Task<OperationResult> CallAsync(ServiceDispatcher dispatcher, object instance, string action,
        string body, bool includeExceptionDetail = false, CancellationToken cancellationToken = default)
    {
        Assert.True(dispatcher.TryGetOperation(action, out OperationDispatcher? operation), $"no operation for {action}");
        string envelope = $"<s:Envelope xmlns:s=\"{Soap12}\"><s:Header/><s:Body>{body}</s:Body><!--after--></s:Envelope>";
        using XmlReader reader = XmlReader.Create(new StringReader(envelope), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        Assert.True(reader.ReadToFollowing("Body", Soap12));
        reader.Read();
        reader.MoveToContent();

        OperationResult result = await operation.InvokeAsync(instance, reader, includeExceptionDetail, cancellationToken)
            .AsTask().WaitAsync(Timeout);

        if (result.Exception is not BodyFormatException && result.FaultValue?.Subcode?.Name != "DeserializationFailed")
        {
            Assert.Equal((XmlNodeType.EndElement, "Body"), (reader.NodeType, reader.LocalName));
        }

        return result;
    }

    /// <summary>The reply body exactly as written.</summary>
    public static string ReplyXml(OperationResult result)
    {
        Assert.False(result.IsOneWay);
        Assert.Null(result.FaultValue);
        Assert.NotNull(result.ReplyAction);
        return Inner(result.WriteBody!);
    }

    /// <summary>The single reply element.</summary>
    public static XElement Reply(OperationResult result) => XElement.Parse(ReplyXml(result));

    /// <summary>The fault's detail element, or null when it has none.</summary>
    public static XElement? Detail(SoapFault fault)
        => fault.WriteDetail is { } write ? XElement.Parse(Inner(write)) : null;

    // Writes inside a Body element, as the envelope writer does, and returns what was written there.
    private static string Inner(Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (XmlWriter writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("s", "Body", Soap12);
            write(writer);
            writer.WriteEndElement();
        }

        string xml = text.ToString();
        int start = xml.IndexOf('>') + 1;
        return xml[start..xml.LastIndexOf("</s:Body>", StringComparison.Ordinal)];
    }
}
