using System.Xml.Linq;
using WsRm.Protocol.Contracts;
using WsRm.Server.Dispatch;
using WsRm.Server.Tests.Dispatch.Samples;
using static WsRm.Server.Tests.Dispatch.DispatchHarness;

namespace WsRm.Server.Tests.Dispatch;

/// <summary><c>[XmlSerializerFormat]</c> operations, with bodies as the WCF client writes them.</summary>
public sealed class OperationDispatcherXmlSerializerTests
{
    private static readonly XNamespace Ns = "urn:wsrm:tests:xml";
    private static readonly ServiceDispatcher Invoices = ServiceDispatcher.Create(typeof(InvoiceService), null);

    private const string Invoice =
        "<invoice id=\"I1\"><Lines>" +
        "<InvoiceLine><Sku>A</Sku><Count>2</Count><Price>1.5</Price></InvoiceLine>" +
        "<InvoiceLine><Count>1</Count><Price>10</Price></InvoiceLine>" +
        "</Lines><Total>0</Total></invoice>";

    [Fact]
    public async Task ComplexType_RoundTripsWithAttributesAndLists()
    {
        OperationResult result = await CallAsync(Invoices, new InvoiceService(), "urn:wsrm:tests:xml/IInvoiceService/Total",
            $"<Total xmlns=\"urn:wsrm:tests:xml\">{Invoice}<note>n</note></Total>");

        Assert.Equal("urn:wsrm:tests:xml/IInvoiceService/TotalResponse", result.ReplyAction);
        XElement reply = Reply(result);
        Assert.Equal(Ns + "TotalResponse", reply.Name);
        XElement total = Assert.Single(reply.Elements());
        Assert.Equal(Ns + "TotalResult", total.Name);
        Assert.Equal("I1/n", (string?)total.Attribute("id"));
        Assert.Equal(["A", "?"], total.Element(Ns + "Lines")!.Elements(Ns + "InvoiceLine").Select(l => (string?)l.Element(Ns + "Sku") ?? "?"));
        Assert.Equal(13m, (decimal)total.Element(Ns + "Total")!);
    }

    [Fact]
    public async Task OmittedParameter_IsNull()
    {
        OperationResult result = await CallAsync(Invoices, new InvoiceService(), "urn:wsrm:tests:xml/IInvoiceService/Total",
            $"<Total xmlns=\"urn:wsrm:tests:xml\">{Invoice}</Total>");

        Assert.Equal("I1", (string?)Reply(result).Element(Ns + "TotalResult")!.Attribute("id"));
    }

    [Fact]
    public async Task ArrayResult_IsAnXmlArrayOfStrings()
    {
        OperationResult result = await CallAsync(Invoices, new InvoiceService(), "urn:wsrm:tests:xml/IInvoiceService/Skus",
            $"<Skus xmlns=\"urn:wsrm:tests:xml\">{Invoice}</Skus>");

        Assert.Contains("<SkusResult><string>A</string><string>?</string></SkusResult></SkusResponse>", ReplyXml(result));
        XElement skus = Reply(result).Element(Ns + "SkusResult")!;
        Assert.Equal([Ns + "string", Ns + "string"], skus.Elements().Select(e => e.Name));
    }

    [Fact]
    public async Task WrongWrapper_IsASenderFault()
    {
        OperationResult result = await CallAsync(Invoices, new InvoiceService(), "urn:wsrm:tests:xml/IInvoiceService/Skus",
            $"<Total xmlns=\"urn:wsrm:tests:xml\">{Invoice}</Total>");

        Assert.NotNull(result.FaultValue);
        Assert.Equal(WsRm.Protocol.Faults.FaultCodeKind.Sender, result.FaultValue.Code);
        Assert.Equal("DeserializationFailed", result.FaultValue.Subcode?.Name);
        Assert.Contains("Expected element 'Skus' in namespace 'urn:wsrm:tests:xml'", result.FaultValue.Reason);
    }
}
