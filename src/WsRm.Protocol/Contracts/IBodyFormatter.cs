using System.Xml;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// One operation's bodies in one serializer's document/literal wrapped form, in both directions: the server reads
/// requests and writes replies, the client writes requests and reads replies.
/// </summary>
internal interface IBodyFormatter
{
    /// <summary>
    /// Reads the request wrapper from a reader on the first child of soap:Body (or on the Body end element when the body
    /// is empty) and leaves the reader on the next content node after the wrapper, normally the Body end element.
    /// Returns one value per parameter, null where the request had none. Throws on malformed bodies.
    /// </summary>
    object?[] ReadRequest(XmlReader body);

    /// <summary>Writes the reply wrapper holding <paramref name="result"/>.</summary>
    void WriteReply(XmlWriter writer, object? result);

    /// <summary>Writes the request wrapper holding one value per parameter, in parameter order.</summary>
    void WriteRequest(XmlWriter writer, IReadOnlyList<object?> arguments);

    /// <summary>
    /// Reads the reply wrapper from a reader on the first child of soap:Body and returns the result: null for a void
    /// operation or when the reply has no result element. Throws <see cref="BodyFormatException"/> on malformed bodies.
    /// </summary>
    object? ReadReply(XmlReader body);
}
