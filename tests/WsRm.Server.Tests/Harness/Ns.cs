namespace WsRm.Server.Tests.Harness;

/// <summary>
/// Namespaces and actions spelled out independently of the product code, so the harness is an oracle of the wire
/// format rather than an echo of the implementation's own constants.
/// </summary>
internal static class Ns
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Wsa10 = "http://www.w3.org/2005/08/addressing";
    public const string Wsa200408 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public const string Rm10 = "http://schemas.xmlsoap.org/ws/2005/02/rm";
    public const string Rm11 = "http://docs.oasis-open.org/ws-rx/wsrm/200702";
    public const string NetRm = "http://schemas.microsoft.com/ws/2006/05/rm";

    /// <summary>The sample contract namespace of WsRm.Host's IEchoService.</summary>
    public const string Samples = "urn:wsrm:samples";

    /// <summary>DataContractSerializer's namespace for arrays of primitives (string[] replies).</summary>
    public const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    public const string EchoAction = Samples + "/IEchoService/Echo";
    public const string EchoResponseAction = Samples + "/IEchoService/EchoResponse";
    public const string PostAction = Samples + "/IEchoService/Post";
    public const string ReceivedAction = Samples + "/IEchoService/Received";
    public const string ReceivedResponseAction = Samples + "/IEchoService/ReceivedResponse";
}
