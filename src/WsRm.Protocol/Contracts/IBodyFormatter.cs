using System.Xml;

namespace WsRm.Protocol.Contracts;

/// <summary>Reads a request body into arguments and writes a reply body, in one serializer's document/literal wrapped form.</summary>
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
}
