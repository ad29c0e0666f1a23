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

    /// <summary>
    /// The envelope namespace is not SOAP 1.1 or 1.2, or (<paramref name="expected"/> given) not the version the
    /// content type announced. Written with an <c>Upgrade</c> header listing the supported envelopes (SOAP 1.2 Part 1
    /// §5.4.7).
    /// </summary>
    public static SoapFault VersionMismatch(string ns, Soap.SoapVersion? expected = null) =>
        new(FaultCodeKind.VersionMismatch, null, expected is null
            ? $"'{ns}' is not a supported SOAP envelope namespace."
            : $"The envelope namespace '{ns}' does not match the content type: {expected.MediaType} carries {expected} envelopes ('{expected.Namespace}').");

    /// <summary>The receiver failed; no internals are given.</summary>
    public static SoapFault InternalError() =>
        new(FaultCodeKind.Receiver, null, "The server was unable to process the request due to an internal error.");
}
