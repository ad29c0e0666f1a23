namespace WsRm.Client;

/// <summary>The WS-ReliableMessaging version a session speaks.</summary>
public enum WsRmVersion
{
    /// <summary>WS-RM 1.0 (February 2005, <c>http://schemas.xmlsoap.org/ws/2005/02/rm</c>).</summary>
    Rm10,

    /// <summary>WS-RM 1.1 (OASIS 200702, <c>http://docs.oasis-open.org/ws-rx/wsrm/200702</c>).</summary>
    Rm11,
}
