namespace WsRm.Server.Tests.Harness;

/// <summary>The WS-RM version a test speaks (a theory argument, so it is public and serializable).</summary>
public enum RmSpec
{
    /// <summary>WS-RM February 2005, http://schemas.xmlsoap.org/ws/2005/02/rm.</summary>
    Rm10,

    /// <summary>WS-RM 1.1, http://docs.oasis-open.org/ws-rx/wsrm/200702.</summary>
    Rm11,
}
