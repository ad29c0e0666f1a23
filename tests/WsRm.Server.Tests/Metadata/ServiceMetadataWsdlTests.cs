using System.Xml.Linq;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Metadata;
using WsRm.Server.Tests.Dispatch.Samples;

namespace WsRm.Server.Tests.Metadata;

/// <summary>The WSDL's names, bindings, addresses and WS-Policy, as WCF writes them.</summary>
public sealed class ServiceMetadataWsdlTests
{
    private static readonly XNamespace Wsdl = MetadataAssert.Wsdl;
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Wsaw = "http://www.w3.org/2006/05/addressing/wsdl";
    private static readonly XNamespace Wsp = "http://schemas.xmlsoap.org/ws/2004/09/policy";

    [Fact]
    public void A_plain_wsdl_has_wcf_names_both_soap_bindings_the_address_and_no_policy()
    {
        XElement wsdl = Describe(null).GetWsdl("http://h:1/base/svc", "http://h:1/base/svc", singleWsdl: false).Root!;

        Assert.Equal(SampleService.Namespace, (string?)wsdl.Attribute("targetNamespace"));
        XElement input = Named(wsdl, "message", "ISampleService_Echo_InputMessage").Element(Wsdl + "part")!;
        Assert.Equal("parameters", (string?)input.Attribute("name"));
        Assert.Equal("tns:Echo", (string?)input.Attribute("element"));
        Assert.DoesNotContain(wsdl.Elements(Wsdl + "message"), m => (string?)m.Attribute("name") == "ISampleService_Post_OutputMessage");
        XElement echo = Named(Named(wsdl, "portType", "ISampleService"), "operation", "Echo");
        Assert.Equal(SampleService.Namespace + "/ISampleService/Echo", (string?)echo.Element(Wsdl + "input")!.Attribute(Wsaw + "Action"));
        Assert.Equal(SampleService.Namespace + "/ISampleService/EchoResponse", (string?)echo.Element(Wsdl + "output")!.Attribute(Wsaw + "Action"));
        XElement reject = Named(Named(wsdl, "portType", "ISampleService"), "operation", "Reject");
        Assert.Equal("OrderFaultFault", (string?)reject.Element(Wsdl + "fault")!.Attribute("name"));

        XElement soap11 = Named(wsdl, "binding", "BasicHttpBinding_ISampleService");
        Assert.NotNull(soap11.Element(Soap + "binding"));
        Assert.Equal(SampleService.Namespace + "/ISampleService/Echo",
            (string?)Named(soap11, "operation", "Echo").Element(Soap + "operation")!.Attribute("soapAction"));
        Assert.NotNull(Named(wsdl, "binding", "WSHttpBinding_ISampleService").Element(Soap12 + "binding"));
        XElement service = wsdl.Element(Wsdl + "service")!;
        Assert.Equal("http://h:1/base/svc", (string?)Named(service, "port", "BasicHttpBinding_ISampleService").Element(Soap + "address")!.Attribute("location"));
        Assert.Equal("http://h:1/base/svc", (string?)Named(service, "port", "WSHttpBinding_ISampleService").Element(Soap12 + "address")!.Attribute("location"));
        Assert.Empty(wsdl.Descendants(Wsp + "Policy"));
        Assert.Empty(wsdl.Descendants(Wsp + "PolicyReference"));
    }

    [Fact]
    public void Wsdl_imports_the_schemas_from_the_metadata_url_and_single_wsdl_inlines_them()
    {
        ServiceMetadata metadata = Describe(null);

        XElement types = metadata.GetWsdl("http://logical/svc", "http://h:1/svc", singleWsdl: false).Root!.Element(Wsdl + "types")!;
        string[] locations = types.Descendants(MetadataAssert.Xsd + "import").Select(i => (string)i.Attribute("schemaLocation")!).ToArray();
        Assert.Equal(Enumerable.Range(0, metadata.SchemaCount).Select(i => $"http://h:1/svc?xsd=xsd{i}"), locations);
        Assert.Equal(SampleService.Namespace, (string?)metadata.GetSchema(0, "http://h:1/svc")!.Root!.Attribute("targetNamespace"));
        Assert.Null(metadata.GetSchema(metadata.SchemaCount, "http://h:1/svc"));

        XElement single = metadata.GetWsdl("http://logical/svc", "http://h:1/svc", singleWsdl: true).Root!;
        Assert.Equal(metadata.SchemaCount, single.Element(Wsdl + "types")!.Elements(MetadataAssert.Xsd + "schema").Count());
        Assert.DoesNotContain(single.Descendants(MetadataAssert.Xsd + "import"), i => i.Attribute("schemaLocation") is not null);
        Assert.Equal("http://logical/svc", (string?)single.Descendants(Soap + "address").First().Attribute("location"));
    }

    [Theory]
    [InlineData(true, 8)]
    [InlineData(false, null)]
    public void A_reliable_wsdl_offers_ws_rm_1_1_or_1_0_with_addressing_and_flow_control_on_every_binding(bool ordered, int? buffer)
    {
        var policy = new ReliablePolicy(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(200), ordered, buffer);
        XElement wsdl = Describe(policy).GetWsdl("http://h/svc", "http://h/svc", singleWsdl: false).Root!;

        foreach (XElement binding in wsdl.Elements(Wsdl + "binding"))
        {
            string id = ((string)binding.Element(Wsp + "PolicyReference")!.Attribute("URI")!)[1..];
            XElement[] alternatives = wsdl.Elements(Wsp + "Policy")
                .Single(p => (string?)p.Attribute(XName.Get("Id", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd")) == id)
                .Element(Wsp + "ExactlyOne")!.Elements(Wsp + "All").ToArray();
            Assert.Equal(2, alternatives.Length);

            XNamespace wsrmp = "http://docs.oasis-open.org/ws-rx/wsrmp/200702";
            XNamespace netrmp = "http://schemas.microsoft.com/ws-rx/wsrmp/200702";
            XElement rm11 = alternatives[0].Element(wsrmp + "RMAssertion")!;
            Assert.NotNull(rm11.Descendants(wsrmp + "ExactlyOnce").SingleOrDefault());
            Assert.Equal(ordered, rm11.Descendants(wsrmp + "InOrder").Any());
            Assert.Equal("600000", (string?)rm11.Element(netrmp + "InactivityTimeout")!.Attribute("Milliseconds"));
            Assert.Equal("200", (string?)rm11.Element(netrmp + "AcknowledgementInterval")!.Attribute("Milliseconds"));

            XNamespace wsrm = "http://schemas.xmlsoap.org/ws/2005/02/rm/policy";
            XElement rm10 = alternatives[1].Element(wsrm + "RMAssertion")!;
            Assert.Equal("600000", (string?)rm10.Element(wsrm + "InactivityTimeout")!.Attribute("Milliseconds"));
            Assert.Equal("200", (string?)rm10.Element(wsrm + "AcknowledgementInterval")!.Attribute("Milliseconds"));

            foreach (XElement alternative in alternatives)
            {
                Assert.NotNull(alternative.Element(XName.Get("Addressing", "http://www.w3.org/2007/05/addressing/metadata")));
                XNamespace netrm = "http://schemas.microsoft.com/net/2005/02/rm/policy";
                Assert.Equal(buffer?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (string?)alternative.Element(netrm + "RmFlowControl")?.Element(netrm + "MaxReceiveBufferSize"));
            }
        }

        Assert.NotNull(Named(wsdl, "binding", "CustomBinding_ISampleService"));
        Assert.NotNull(Named(wsdl, "binding", "WSHttpBinding_ISampleService"));
    }

    [Fact]
    public void Contracts_of_another_namespace_get_a_wsdl_of_their_own_that_the_main_one_imports()
    {
        ServiceMetadata metadata = ServiceMetadata.Create("Two",
            [ContractResolver.ResolveContract(typeof(TwoNamespaces.IFirst)), ContractResolver.ResolveContract(typeof(TwoNamespaces.ISecond))], null);

        Assert.Equal(1, metadata.ImportedWsdlCount);
        XElement main = metadata.GetWsdl("http://h/two", "http://h/two", singleWsdl: false).Root!;
        Assert.Equal("urn:wsrm:tests:first", (string?)main.Attribute("targetNamespace"));
        XElement import = main.Element(Wsdl + "import")!;
        Assert.Equal("urn:wsrm:tests:second", (string?)import.Attribute("namespace"));
        Assert.Equal("http://h/two?wsdl=wsdl0", (string?)import.Attribute("location"));
        Assert.Equal(["IFirst"], main.Elements(Wsdl + "portType").Select(p => (string)p.Attribute("name")!));
        XElement second = Named(main, "binding", "BasicHttpBinding_ISecond");
        string type = (string)second.Attribute("type")!;
        Assert.Equal("urn:wsrm:tests:second", second.GetNamespaceOfPrefix(type.Split(':')[0])!.NamespaceName);
        Assert.Equal(4, main.Element(Wsdl + "service")!.Elements(Wsdl + "port").Count());

        XElement imported = metadata.GetImportedWsdl(0, "http://h/two")!.Root!;
        Assert.Equal("urn:wsrm:tests:second", (string?)imported.Attribute("targetNamespace"));
        Assert.Equal(["ISecond"], imported.Elements(Wsdl + "portType").Select(p => (string)p.Attribute("name")!));
        Assert.NotNull(Named(imported, "message", "ISecond_Second_InputMessage"));
        Assert.Empty(imported.Elements(Wsdl + "binding"));
        Assert.Null(metadata.GetImportedWsdl(1, "http://h/two"));

        var error = Assert.Throws<NotSupportedException>(() => metadata.GetWsdl("http://h/two", "http://h/two", singleWsdl: true));
        Assert.Contains("urn:wsrm:tests:second", error.Message);
    }

    private static ServiceMetadata Describe(ReliablePolicy? policy) =>
        ServiceMetadata.Create("SampleService", [ContractResolver.ResolveContract(typeof(ISampleService))], policy);

    private static XElement Named(XElement parent, string kind, string name) =>
        parent.Elements(Wsdl + kind).Single(e => (string?)e.Attribute("name") == name);
}
