using System.Xml.Linq;
using N = WsRm.Protocol.Metadata.MetadataNamespaces;

namespace WsRm.Protocol.Metadata;

/// <summary>
/// Turns the schemas of several exporters into one schema per target namespace, each importing exactly the namespaces
/// it refers to, so that every <c>?xsd=xsdN</c> document stands on its own and the imports can be pointed at each other.
/// </summary>
internal static class SchemaMerger
{
    // Attributes of schema components whose value is a QName.
    private static readonly string[] QNameAttributes = ["type", "base", "ref", "itemType", "substitutionGroup", "refer"];

    /// <summary>
    /// Merges by target namespace (a component already declared under its name is kept once), drops the XML Schema
    /// namespace's own schema, and rewrites the imports; <paramref name="first"/> namespaces lead, the rest follow by
    /// namespace (ordinal), so numbering is stable.
    /// </summary>
    public static IReadOnlyList<XElement> Merge(IEnumerable<XElement> schemas, IEnumerable<string> first)
    {
        var byNamespace = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (XElement schema in schemas)
        {
            string ns = (string?)schema.Attribute("targetNamespace") ?? "";
            if (ns == N.Xsd.NamespaceName) continue;
            if (!byNamespace.TryGetValue(ns, out XElement? target)) byNamespace.Add(ns, new XElement(schema));
            else Append(target, schema);
        }

        foreach (XElement schema in byNamespace.Values) RewriteImports(schema, byNamespace.Keys);

        var leading = first.Distinct().Where(byNamespace.ContainsKey).ToList();
        return leading.Concat(byNamespace.Keys.Except(leading).Order(StringComparer.Ordinal)).Select(ns => byNamespace[ns]).ToArray();
    }

    private static void Append(XElement target, XElement source)
    {
        if ((string?)target.Attribute("elementFormDefault") != (string?)source.Attribute("elementFormDefault"))
        {
            throw new NotSupportedException(
                $"Schemas of namespace '{(string?)source.Attribute("targetNamespace")}' differ in elementFormDefault and cannot be merged.");
        }

        foreach (XElement component in source.Elements().Where(e => e.Name != N.Xsd + "import" && e.Name != N.Xsd + "annotation"))
        {
            string? name = (string?)component.Attribute("name");
            if (target.Elements(component.Name).Any(e => (string?)e.Attribute("name") == name)) continue;

            // QNames in attribute values use the source root's prefixes: carry their declarations along.
            var copy = new XElement(component);
            foreach (XAttribute declaration in source.Attributes().Where(a => a.IsNamespaceDeclaration))
            {
                if (copy.Attribute(declaration.Name) is null) copy.Add(new XAttribute(declaration));
            }

            target.Add(copy);
        }
    }

    private static void RewriteImports(XElement schema, IEnumerable<string> known)
    {
        string target = (string?)schema.Attribute("targetNamespace") ?? "";
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        foreach (XElement import in schema.Elements(N.Xsd + "import").ToList())
        {
            if ((string?)import.Attribute("namespace") is { } ns) referenced.Add(ns);
            import.Remove();
        }

        foreach (XElement element in schema.Descendants().Where(e => e.Name.Namespace == N.Xsd))
        {
            foreach (XAttribute attribute in element.Attributes().Where(a => QNameAttributes.Contains(a.Name.LocalName) && a.Name.Namespace == XNamespace.None))
            {
                int colon = attribute.Value.IndexOf(':', StringComparison.Ordinal);
                XNamespace? ns = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(attribute.Value[..colon]);
                if (ns is not null) referenced.Add(ns.NamespaceName);
            }
        }

        var set = known.ToHashSet(StringComparer.Ordinal);
        foreach (string ns in referenced.Where(ns => ns != target && ns != N.Xsd.NamespaceName && set.Contains(ns)).Reverse())
        {
            schema.AddFirst(new XElement(N.Xsd + "import", new XAttribute("namespace", ns)));
        }
    }
}
