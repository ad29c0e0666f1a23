using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using WsRm.Protocol.Metadata;

namespace WsRm.Server.Tests.Metadata;

/// <summary>Compiles a service's published schemas and validates XML against them.</summary>
internal static class MetadataAssert
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>Every ?xsd=xsdN of <paramref name="metadata"/> in one compiled set (imports resolved by namespace).</summary>
    public static XmlSchemaSet Compile(ServiceMetadata metadata)
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        for (int i = 0; i < metadata.SchemaCount; i++)
        {
            XDocument schema = metadata.GetSchema(i, "http://example.org/svc")!;
            using XmlReader reader = schema.CreateReader();
            set.Add(XmlSchema.Read(reader, (_, e) => throw e.Exception!)!);
        }

        set.Compile();
        return set;
    }

    /// <summary>Writes with <paramref name="write"/> and asserts the element validates against <paramref name="schemas"/>.</summary>
    public static XElement Valid(XmlSchemaSet schemas, Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            write(writer);
        }

        XDocument document = XDocument.Parse(text.ToString());
        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, $"{document}\n{string.Join('\n', errors)}");
        return document.Root!;
    }
}
