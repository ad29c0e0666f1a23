namespace WsRm.Server.Tests.Harness;

/// <summary>The SOAP version a test speaks (a theory argument, so it is public and serializable).</summary>
public enum SoapSpec
{
    /// <summary>SOAP 1.1: text/xml plus a SOAPAction header.</summary>
    Soap11,

    /// <summary>SOAP 1.2: application/soap+xml with an action parameter.</summary>
    Soap12,
}
