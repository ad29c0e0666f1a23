namespace WsRm.Interop.Tests.Metadata;

/// <summary>The namespaces of the order desk's contract and data.</summary>
public static class OrderDeskNames
{
    /// <summary>The data contracts' namespace.</summary>
    public const string DataNamespace = "urn:wsrm:interop:orders:data";
}
