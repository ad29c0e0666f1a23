namespace WsRm.Protocol.Tests.Infrastructure;

/// <summary>
/// The namespace URIs spelled out independently of the product constants, so a typo in src fails the tests.
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
    public const string Soap12RoleNone = "http://www.w3.org/2003/05/soap-envelope/role/none";
    public const string Soap12RoleNext = "http://www.w3.org/2003/05/soap-envelope/role/next";
}
