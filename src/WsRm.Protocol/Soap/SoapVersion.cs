namespace WsRm.Protocol.Soap;

/// <summary>SOAP 1.1 or SOAP 1.2: the envelope namespace and how each shapes the HTTP request and faults.</summary>
public sealed class SoapVersion
{
    /// <summary>SOAP 1.1 (<c>text/xml</c>, action in the <c>SOAPAction</c> HTTP header).</summary>
    public static readonly SoapVersion Soap11 = new("1.1", "http://schemas.xmlsoap.org/soap/envelope/", "text/xml", "Client", "Server", "1");

    /// <summary>SOAP 1.2 (<c>application/soap+xml</c>, action as a content-type parameter).</summary>
    public static readonly SoapVersion Soap12 = new("1.2", "http://www.w3.org/2003/05/soap-envelope", "application/soap+xml", "Sender", "Receiver", "true");

    private SoapVersion(string name, string ns, string mediaType, string senderCode, string receiverCode, string trueValue)
    {
        Name = name;
        Namespace = ns;
        MediaType = mediaType;
        SenderCode = senderCode;
        ReceiverCode = receiverCode;
        MustUnderstandTrue = trueValue;
    }

    /// <summary>"1.1" or "1.2".</summary>
    public string Name { get; }

    /// <summary>The envelope namespace.</summary>
    public string Namespace { get; }

    /// <summary>The media type of a message in this version.</summary>
    public string MediaType { get; }

    /// <summary>Local name of the fault code for errors caused by the sender (in the envelope namespace).</summary>
    public string SenderCode { get; }

    /// <summary>Local name of the fault code for errors on the receiving side.</summary>
    public string ReceiverCode { get; }

    /// <summary>The value written for a true <c>mustUnderstand</c> attribute.</summary>
    public string MustUnderstandTrue { get; }

    /// <summary>The <c>Content-Type</c> header for a message with the given action.</summary>
    public string ContentType(string? action) =>
        this == Soap12 && !string.IsNullOrEmpty(action)
            ? $"{MediaType}; charset=utf-8; action=\"{action}\""
            : $"{MediaType}; charset=utf-8";

    /// <summary>The version whose envelope namespace is <paramref name="ns"/>, or null.</summary>
    public static SoapVersion? FromNamespace(string ns) =>
        ns == Soap11.Namespace ? Soap11 : ns == Soap12.Namespace ? Soap12 : null;

    /// <summary>The version a content type announces (media type only), or null when it is neither SOAP media type.</summary>
    public static SoapVersion? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var media = contentType.AsSpan();
        var semi = media.IndexOf(';');
        if (semi >= 0) media = media[..semi];
        media = media.Trim();
        if (media.Equals(Soap12.MediaType, StringComparison.OrdinalIgnoreCase)) return Soap12;
        if (media.Equals(Soap11.MediaType, StringComparison.OrdinalIgnoreCase)) return Soap11;
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => "SOAP " + Name;
}
