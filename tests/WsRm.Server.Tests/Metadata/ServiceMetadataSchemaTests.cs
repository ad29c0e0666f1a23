using System.Xml.Linq;
using System.Xml.Schema;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Metadata;
using WsRm.Server.Tests.Dispatch.Samples;

namespace WsRm.Server.Tests.Metadata;

/// <summary>
/// The published schemas describe what the body formatters really write: every request, reply and fault detail our
/// formatters produce validates against them, for DataContractSerializer and [XmlSerializerFormat] operations.
/// </summary>
public sealed class ServiceMetadataSchemaTests
{
    [Fact]
    public void Data_contract_requests_replies_and_fault_details_validate_against_the_schemas()
    {
        ServiceMetadata metadata = Describe(typeof(ISampleService));
        XmlSchemaSet schemas = MetadataAssert.Compile(metadata);
        var operations = OperationCollector.Collect(ContractResolver.ResolveContract(typeof(ISampleService))).ToDictionary(o => o.Name);

        Valid(schemas, operations["Echo"], ["hi"], "hi");
        Valid(schemas, operations["Echo"], [null], null);
        Valid(schemas, operations["Received"], ["p"], new[] { "a", "b" });
        Valid(schemas, operations["Add"], [1, 2], 3);
        Valid(schemas, operations["Place"], [new Order { Item = "o1", Quantity = 2 }], new Order { Item = "o1", Quantity = 2 });
        Valid(schemas, operations["Count"], [new[] { "x" }], 1);
        Valid(schemas, operations["Ping"], [], null);
        XElement post = MetadataAssert.Valid(schemas, w => new DataContractBodyFormatter(operations["Post"]).WriteRequest(w, ["t"]));
        Assert.Equal(XName.Get("Post", SampleService.Namespace), post.Name);

        DeclaredFault fault = operations["Reject"].Faults.Single();
        XElement detail = MetadataAssert.Valid(schemas, w => fault.Serializer.WriteObject(w, new OrderFault { Problem = "no", Code = 1 }));
        Assert.Equal("OrderFault", detail.Name.LocalName);
    }

    [Fact]
    public void Xml_serializer_requests_and_replies_validate_against_the_schemas()
    {
        ServiceMetadata metadata = Describe(typeof(IInvoiceService));
        XmlSchemaSet schemas = MetadataAssert.Compile(metadata);
        var operations = OperationCollector.Collect(ContractResolver.ResolveContract(typeof(IInvoiceService))).ToDictionary(o => o.Name);
        var invoice = new Invoice { Id = "i1", Lines = [new InvoiceLine { Sku = "s", Count = 2, Price = 1.5m }], Total = 3m };

        foreach (string name in new[] { "Total", "Skus" })
        {
            var formatter = new XmlSerializerBodyFormatter(operations[name]);
            object?[] arguments = name == "Total" ? [invoice, null] : [invoice];
            MetadataAssert.Valid(schemas, w => formatter.WriteRequest(w, arguments));
            MetadataAssert.Valid(schemas, w => formatter.WriteReply(w, name == "Total" ? invoice : new[] { "s" }));
        }
    }

    [Fact]
    public void A_renamed_fault_detail_is_declared_in_its_own_namespace()
    {
        ServiceMetadata metadata = Describe(typeof(ICustomNames));
        XmlSchemaSet schemas = MetadataAssert.Compile(metadata);
        DeclaredFault fault = OperationCollector.Collect(ContractResolver.ResolveContract(typeof(ICustomNames)))
            .Single(o => o.Name == "Fail").Faults.Single();

        XElement detail = MetadataAssert.Valid(schemas, w => fault.Serializer.WriteObject(w, new OrderFault { Problem = "why" }));
        Assert.Equal(XName.Get("Problem", "urn:problems"), detail.Name);
        XElement message = metadata.GetWsdl("http://h/custom", "http://h/custom", singleWsdl: false).Root!
            .Elements(MetadataAssert.Wsdl + "message").Single(m => (string?)m.Attribute("name") == "Custom_Fail_Problem_FaultMessage");
        XElement part = message.Element(MetadataAssert.Wsdl + "part")!;
        Assert.Equal("detail", (string?)part.Attribute("name"));
        Assert.Equal("urn:problems", part.GetNamespaceOfPrefix(((string)part.Attribute("element")!).Split(':')[0])!.NamespaceName);
    }

    private static ServiceMetadata Describe(Type contract) =>
        ServiceMetadata.Create("Svc", [ContractResolver.ResolveContract(contract)], policy: null);

    private static void Valid(XmlSchemaSet schemas, OperationModel operation, object?[] arguments, object? result)
    {
        var formatter = new DataContractBodyFormatter(operation);
        MetadataAssert.Valid(schemas, w => formatter.WriteRequest(w, arguments));
        XElement reply = MetadataAssert.Valid(schemas, w => formatter.WriteReply(w, result));
        Assert.Equal(operation.ReplyWrapperName, reply.Name.LocalName);
    }
}
