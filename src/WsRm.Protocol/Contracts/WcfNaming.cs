using System.Xml;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// The names WCF derives from a contract when attributes leave them out, so that a proxy generated from the same
/// interface and this dispatcher agree on every element name and action.
/// </summary>
internal static class WcfNaming
{
    /// <summary>Contract namespace when <c>[ServiceContract(Namespace)]</c> is not set.</summary>
    public const string DefaultNamespace = "http://tempuri.org/";

    /// <summary>WCF's dispatcher namespace: subcodes of its own faults (InternalServiceFault, DeserializationFailed).</summary>
    public const string NetDispatchNamespace = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";

    /// <summary>The action of WCF's own faults; the WCF client reads ExceptionDetail only from faults with this action.</summary>
    public const string NetDispatchFaultAction = NetDispatchNamespace + "/fault";

    /// <summary>
    /// A type's name as WCF spells it in contract and fault names: <c>List`1[String]</c> becomes <c>ListOf_String</c>,
    /// <c>int[]</c> becomes <c>ArrayOfInt32</c>.
    /// </summary>
    public static string TypeName(Type type)
    {
        Type[]? arguments = type.IsGenericType ? type.GenericTypeArguments
            : type.ContainsGenericParameters ? type.GetGenericArguments() : null;
        if (arguments is not null)
        {
            int tick = type.Name.IndexOf('`', StringComparison.Ordinal);
            string name = (tick > 0 ? type.Name[..tick] : type.Name) + "Of";
            foreach (Type argument in arguments) name += "_" + TypeName(argument);
            return name;
        }

        return type.IsArray ? "ArrayOf" + TypeName(type.GetElementType()!) : type.Name;
    }

    /// <summary>Encodes a CLR name (possibly with characters XML forbids) into an XML local name, as WCF's XmlName does.</summary>
    public static string Encode(string name) => XmlConvert.EncodeLocalName(name) ?? name;

    /// <summary>
    /// WCF's default action: <c>{ns}/{contract}/{name}</c>; <c>urn:</c> stands in for an empty namespace and the
    /// namespace gets a '/' only when it lacks one.
    /// </summary>
    public static string DefaultAction(string contractNamespace, string contractName, string name)
    {
        string prefix = contractNamespace.Length == 0 ? "urn:"
            : contractNamespace.EndsWith('/') ? contractNamespace : contractNamespace + "/";
        return CombineUri(prefix + contractName + "/", name);
    }

    // WCF's own rule, not Uri's: an absolute or empty path replaces the base, otherwise exactly one '/' joins them.
    private static string CombineUri(string baseUri, string path)
    {
        if (path.Length == 0 || Uri.IsWellFormedUriString(path, UriKind.Absolute)) return path;
        return path.StartsWith('/') ? baseUri + path[1..] : baseUri + path;
    }
}
