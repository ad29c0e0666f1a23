using System.Xml;
using WsRm.Protocol.Soap;

namespace WsRm.Client;

/// <summary>
/// A reply received on the session's reply sequence. Application faults do not arrive here: they fail the request
/// with <see cref="SoapFaultException"/>.
/// </summary>
public sealed class WsRmReply
{
    private readonly SoapMessage _message;

    internal WsRmReply(SoapMessage message) => _message = message;

    /// <summary>The reply's <c>wsa:Action</c>.</summary>
    public string? Action => _message.Action;

    /// <summary>The reply's <c>wsa:RelatesTo</c> (the request's MessageID).</summary>
    public string? RelatesTo => _message.Addressing.RelatesTo;

    /// <summary>The reply's number on the reply sequence.</summary>
    public ulong MessageNumber => _message.Sequence?.MessageNumber ?? 0;

    /// <summary>The name of the body's first element, or null for an empty body.</summary>
    public XmlQualifiedName? BodyElement => _message.BodyElement;

    /// <summary>The whole envelope as received (UTF-8).</summary>
    public ReadOnlyMemory<byte> Envelope => _message.Buffer;

    /// <summary>
    /// A new reader positioned on the body's first child element (DTDs refused); call as often as needed, dispose
    /// each reader.
    /// </summary>
    public XmlReader CreateBodyReader() => _message.CreateBodyReader();
}
