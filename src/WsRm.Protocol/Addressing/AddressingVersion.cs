namespace WsRm.Protocol.Addressing;

/// <summary>WS-Addressing 1.0 (W3C, 2005/08) or the 2004/08 member submission that RM 1.0 peers still send.</summary>
public sealed class AddressingVersion
{
    /// <summary>W3C WS-Addressing 1.0.</summary>
    public static readonly AddressingVersion WsAddressing10 = new(
        "http://www.w3.org/2005/08/addressing",
        "http://www.w3.org/2005/08/addressing/anonymous",
        "http://www.w3.org/2005/08/addressing/none",
        "http://www.w3.org/2005/08/addressing/soap/fault");

    /// <summary>WS-Addressing member submission (August 2004).</summary>
    public static readonly AddressingVersion WsAddressing200408 = new(
        "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous",
        null,
        "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault");

    private AddressingVersion(string ns, string anonymous, string? none, string faultAction)
    {
        Namespace = ns;
        AnonymousUri = anonymous;
        NoneUri = none;
        FaultAction = faultAction;
    }

    /// <summary>The WS-Addressing namespace.</summary>
    public string Namespace { get; }

    /// <summary>The anonymous address: "reply on the back-channel".</summary>
    public string AnonymousUri { get; }

    /// <summary>The none address (discard), when the version defines one.</summary>
    public string? NoneUri { get; }

    /// <summary>The default action of a fault message.</summary>
    public string FaultAction { get; }

    /// <summary>True when <paramref name="address"/> means the HTTP back-channel.</summary>
    public bool IsAnonymous(string? address) => address is null || address == AnonymousUri;

    /// <summary>The version whose namespace is <paramref name="ns"/>, or null.</summary>
    public static AddressingVersion? FromNamespace(string ns) =>
        ns == WsAddressing10.Namespace ? WsAddressing10 : ns == WsAddressing200408.Namespace ? WsAddressing200408 : null;
}
