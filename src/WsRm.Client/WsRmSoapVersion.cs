namespace WsRm.Client;

/// <summary>The SOAP version of the envelopes a session sends.</summary>
public enum WsRmSoapVersion
{
    /// <summary>SOAP 1.1: <c>text/xml</c> and a <c>SOAPAction</c> HTTP header.</summary>
    Soap11,

    /// <summary>SOAP 1.2: <c>application/soap+xml</c> with an <c>action</c> parameter.</summary>
    Soap12,
}
