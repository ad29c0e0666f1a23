using System.Xml;

namespace WsRm.Protocol.Faults;

/// <summary>SOAP-level faults: unreadable messages and headers that must be understood.</summary>
public static class SoapFaults
{
    /// <summary>The message could not be read (malformed XML, a DTD, a missing element).</summary>
    public static SoapFault InvalidMessage(string problem) => new(FaultCodeKind.Sender, null, problem);

    /// <summary>A header marked mustUnderstand was not understood.</summary>
    public static SoapFault MustUnderstand(XmlQualifiedName header) =>
        new(FaultCodeKind.MustUnderstand, null, $"The header '{header}' was not understood by the recipient of this message.")
        {
            NotUnderstood = header,
        };

    /// <summary>The envelope namespace is not SOAP 1.1 or 1.2.</summary>
    public static SoapFault VersionMismatch(string ns) =>
        new(FaultCodeKind.VersionMismatch, null, $"'{ns}' is not a supported SOAP envelope namespace.");

    /// <summary>The receiver failed; no internals are given.</summary>
    public static SoapFault InternalError() =>
        new(FaultCodeKind.Receiver, null, "The server was unable to process the request due to an internal error.");
}
