using System.ServiceModel;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// libxml2's <c>xmllint --schema</c> validates, against the XSDs our endpoints publish (?xsd=xsdN), the bodies that
/// crossed the wire: what the real WCF client sent and our server accepted, what our server answered, and the detail
/// of the declared fault; on the plain endpoints (SOAP 1.1) and on the reliable order desk (WS-RM 1.0, SOAP 1.2),
/// whose application bodies travel inside sequences.
/// </summary>
[Collection(MetadataCollection.Name)]
public sealed partial class SchemaValidationTests(MetadataServerFixture server) : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(1);
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    private readonly string _directory = Directory.CreateTempSubdirectory("wsrm-xmllint-").FullName;

    [Fact]
    public async Task Xmllint_validates_the_bodies_our_server_accepted_and_sent_against_our_xsds()
    {
        string prefix = Texts.UniquePrefix("Xsd");
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None) { SendTimeout = TimeSpan.FromMinutes(1) };
        var orders = new ChannelFactory<IOrderDesk>(binding, new EndpointAddress(server.Url("/plain/orders")));
        var echo = new ChannelFactory<IEchoService>(binding, new EndpointAddress(server.Url("/plain/echo")));
        var reliable = new WSHttpBinding(SecurityMode.None, reliableSessionEnabled: true) { SendTimeout = TimeSpan.FromMinutes(1) };
        var reliableOrders = new ChannelFactory<IOrderDesk>(reliable, new EndpointAddress(server.Url("/orders")));
        try
        {
            IOrderDesk desk = orders.CreateChannel();
            IOrderDesk reliableDesk = reliableOrders.CreateChannel();
            IEchoService echoes = echo.CreateChannel();
            await Task.Run(() =>
            {
                Assert.Equal(prefix + "tea-2", desk.Place(new Order { Product = prefix + "tea", Quantity = 2 }).OrderId);
                Assert.Throws<FaultException<OrderRejected>>(() => desk.Place(new Order { Product = prefix, Quantity = -1 }));
                desk.Cancel(prefix + "1");
                Assert.Equal([prefix + "1"], desk.Cancelled(prefix));
                Assert.Equal(prefix, echoes.Echo(prefix));
                echoes.Post(prefix + "p");
                Assert.Equal([prefix + "p"], echoes.Received(prefix));
                Assert.Equal(prefix + "rm-5", reliableDesk.Place(new Order { Product = prefix + "rm", Quantity = 5 }).OrderId);
                Assert.Throws<FaultException<OrderRejected>>(() => reliableDesk.Place(new Order { Product = prefix + "rm", Quantity = 0 }));
                reliableDesk.Cancel(prefix + "rm");
                Assert.Equal([prefix + "1", prefix + "rm"], reliableDesk.Cancelled(prefix));
                ((IClientChannel)reliableDesk).Close();
            }).WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            orders.Abort();
            echo.Abort();
            reliableOrders.Abort();
        }

        var validated = new List<string>();
        foreach (string path in new[] { "/plain/orders", "/plain/echo", "/orders" })
        {
            Dictionary<string, string> schemas = await DownloadSchemasAsync(path);
            foreach (CapturedExchange exchange in server.Exchanges.Where(e => e.Path == path && e.Request.Contains(prefix, StringComparison.Ordinal)))
            {
                // WS-RM's own bodies (CreateSequence, acknowledgements) are the RM schemas' business, not ours.
                foreach (XElement body in Bodies(exchange).Where(b => schemas.ContainsKey(b.Name.NamespaceName)))
                {
                    validated.Add(path + " " + await ValidateAsync(body, schemas));
                }
            }
        }

        // Requests and replies of both endpoints, the fault detail: every kind of body was seen and valid.
        foreach (string path in new[] { "/plain/orders", "/orders" })
        {
            Assert.Contains(path + " {urn:wsrm:interop:orders}Place", validated);
            Assert.Contains(path + " {urn:wsrm:interop:orders}PlaceResponse", validated);
            Assert.Contains(path + " {urn:wsrm:interop:orders:data}OrderRejected", validated);
            Assert.Contains(path + " {urn:wsrm:interop:orders}Cancel", validated);
            Assert.Contains(path + " {urn:wsrm:interop:orders}CancelledResponse", validated);
        }

        Assert.Contains("/plain/echo {urn:wsrm:samples}Echo", validated);
        Assert.Contains("/plain/echo {urn:wsrm:samples}EchoResponse", validated);
        Assert.Contains("/plain/echo {urn:wsrm:samples}ReceivedResponse", validated);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The request's wrapper, the reply's wrapper, or a fault's detail content (SOAP 1.1 detail, SOAP 1.2 Detail).
    private static IEnumerable<XElement> Bodies(CapturedExchange exchange)
    {
        foreach (string message in new[] { exchange.Request, exchange.Response }.Where(m => m.Length > 0))
        {
            XElement envelope = XDocument.Parse(message).Root!;
            XNamespace soap = envelope.Name.Namespace;
            foreach (XElement content in envelope.Element(soap + "Body")!.Elements())
            {
                if (content.Name == Soap11 + "Fault") foreach (XElement detail in content.Element("detail")?.Elements() ?? []) yield return detail;
                else if (content.Name == Soap12 + "Fault") foreach (XElement detail in content.Element(Soap12 + "Detail")?.Elements() ?? []) yield return detail;
                else yield return content;
            }
        }
    }

    private async Task<Dictionary<string, string>> DownloadSchemasAsync(string path)
    {
        string directory = Directory.CreateDirectory(Path.Combine(_directory, path.Replace('/', '_'))).FullName;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        string wsdl = await http.GetStringAsync(server.Url(path) + "?wsdl");
        int count = XsdLocation().Matches(wsdl).Count;
        Assert.True(count > 0, wsdl);
        var byNamespace = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string xsd = await http.GetStringAsync(server.Url(path) + "?xsd=xsd" + i);
            // The imports point at ?xsd=xsdN on the server; xmllint reads the same documents from files.
            string local = XsdLocation().Replace(xsd, m => $"schemaLocation=\"xsd{m.Groups[1].Value}.xsd\"");
            string file = Path.Combine(directory, $"xsd{i}.xsd");
            await File.WriteAllTextAsync(file, local);
            byNamespace[(string?)XDocument.Parse(xsd).Root!.Attribute("targetNamespace") ?? ""] = file;
        }

        return byNamespace;
    }

    private async Task<string> ValidateAsync(XElement body, Dictionary<string, string> schemas)
    {
        Assert.True(schemas.TryGetValue(body.Name.NamespaceName, out string? schema), $"No schema for {body.Name}.");
        string file = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".xml");
        await File.WriteAllTextAsync(file, body.ToString(SaveOptions.DisableFormatting));
        ForeignResult xmllint = await ForeignTool.RunAsync("xmllint", ["--noout", "--schema", schema, file], ToolTimeout);
        Assert.True(xmllint.ExitCode == 0, $"{body}\n{xmllint}");
        Assert.Contains("validates", xmllint.Stderr);
        return body.Name.ToString();
    }

    [GeneratedRegex("schemaLocation=\"[^\"]*\\?xsd=xsd(\\d+)\"")]
    private static partial Regex XsdLocation();
}
