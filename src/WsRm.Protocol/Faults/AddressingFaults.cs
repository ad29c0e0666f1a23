using System.Xml;
using WsRm.Protocol.Addressing;

namespace WsRm.Protocol.Faults;

/// <summary>The WS-Addressing faults (WS-Addressing 1.0 SOAP Binding §6.4) raised by the RM layer and the dispatcher.</summary>
public static class AddressingFaults
{
    /// <summary>The action is not one this endpoint handles.</summary>
    public static SoapFault ActionNotSupported(AddressingVersion? wsa, string? action)
    {
        wsa ??= AddressingVersion.WsAddressing10;
        return new SoapFault(FaultCodeKind.Sender, new XmlQualifiedName("ActionNotSupported", wsa.Namespace),
            $"The action '{action}' is not supported by this endpoint.")
        {
            Action = wsa.FaultAction,
            WriteDetail = w =>
            {
                w.WriteStartElement("ProblemAction", wsa.Namespace);
                w.WriteElementString("Action", wsa.Namespace, action ?? "");
                w.WriteEndElement();
            },
        };
    }

    /// <summary>A required addressing header (such as MessageID or Action) is missing.</summary>
    public static SoapFault MessageAddressingHeaderRequired(AddressingVersion? wsa, string header)
    {
        wsa ??= AddressingVersion.WsAddressing10;
        return new SoapFault(FaultCodeKind.Sender, new XmlQualifiedName("MessageAddressingHeaderRequired", wsa.Namespace),
            $"A required header representing a Message Addressing Property is not present: wsa:{header}.")
        {
            Action = wsa.FaultAction,
            WriteDetail = w => WriteProblemHeader(w, wsa, header),
        };
    }

    /// <summary>An addressing header is present but its value cannot be processed.</summary>
    public static SoapFault InvalidAddressingHeader(AddressingVersion? wsa, string header, string problem)
    {
        wsa ??= AddressingVersion.WsAddressing10;
        return new SoapFault(FaultCodeKind.Sender, new XmlQualifiedName("InvalidAddressingHeader", wsa.Namespace),
            $"A header representing a Message Addressing Property is not valid and the message cannot be processed: wsa:{header}. {problem}")
        {
            Action = wsa.FaultAction,
            WriteDetail = w => WriteProblemHeader(w, wsa, header),
        };
    }

    /// <summary>The transport's action (SOAPAction, or the SOAP 1.2 action parameter) differs from wsa:Action (§6.4.1).</summary>
    public static SoapFault ActionMismatch(AddressingVersion? wsa, string wsaAction, string transportAction)
    {
        wsa ??= AddressingVersion.WsAddressing10;
        return new SoapFault(FaultCodeKind.Sender, new XmlQualifiedName("InvalidAddressingHeader", wsa.Namespace),
            $"The SOAP action '{transportAction}' of the transport does not match wsa:Action '{wsaAction}'.")
        {
            NestedSubcode = new XmlQualifiedName("ActionMismatch", wsa.Namespace),
            Action = wsa.FaultAction,
            WriteDetail = w => WriteProblemHeader(w, wsa, "Action"),
        };
    }

    private static void WriteProblemHeader(XmlWriter w, AddressingVersion wsa, string header)
    {
        w.WriteStartElement("ProblemHeaderQName", wsa.Namespace);
        var prefix = w.LookupPrefix(wsa.Namespace);
        w.WriteString((string.IsNullOrEmpty(prefix) ? "" : prefix + ":") + header);
        w.WriteEndElement();
    }
}
