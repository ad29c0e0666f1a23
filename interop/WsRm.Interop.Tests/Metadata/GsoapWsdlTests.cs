namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// gSOAP's code generators (Debian gsoap 2.8) on our WSDL, fetched over HTTP by wsdl2h itself (with the schemas it
/// imports from ?xsd=xsdN): wsdl2h must read it, report the WS-RM policy of a reliable endpoint and turn it into the
/// imports of its WS-Addressing and WS-RM plugins, and soapcpp2 must compile the result; a plain endpoint's WSDL must
/// bring in no WS-RM.
/// </summary>
[Collection(MetadataCollection.Name)]
public sealed class GsoapWsdlTests(MetadataServerFixture server) : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("wsrm-wsdl2h-").FullName;

    [Fact]
    public async Task Wsdl2h_reads_the_reliable_wsdl_uses_its_ws_rm_policy_and_soapcpp2_compiles_it()
    {
        string header = await Wsdl2hAsync("/orders");

        // What wsdl2h made of the policy: the 2005/02 assertion understood with its values, both plugins imported.
        Assert.Contains("- WS-ReliableMessaging is used", header);
        Assert.Contains("- Inactivity Timeout = 600000 (ms)", header);
        Assert.Contains("- Acknowledgement Interval = 200 (ms)", header);
        Assert.Contains("- WS-Addressing is used", header);
        Assert.Contains("this service requires importing \"wsa5.h\" \"wsrm5.h\"", header);
        Assert.Contains("\n#import \"wsrm5.h\"", header);
        // The WS-RM 1.1 assertion (wsrmp/200702), which this gSOAP does not interpret, is reported as it stands.
        Assert.Contains("<wsrmp:RMAssertion>", header);
        Assert.Contains("<netrm:MaxReceiveBufferSize>8</netrm:MaxReceiveBufferSize>", header);

        ForeignResult soapcpp2 = await Soapcpp2Async();
        Assert.Contains("Using wsrm schema import namespace: http://schemas.xmlsoap.org/ws/2005/02/rm", soapcpp2.Stdout + soapcpp2.Stderr);
        string stub = await File.ReadAllTextAsync(Path.Combine(_directory, "soapStub.h"));
        Assert.Contains("_ns1__Place", stub);
        Assert.Contains("_ns1__Cancel", stub);
        Assert.Contains("OrderRejected", stub);
    }

    [Fact]
    public async Task Wsdl2h_finds_no_ws_rm_in_the_plain_wsdl_and_soapcpp2_compiles_it()
    {
        string header = await Wsdl2hAsync("/plain/orders");

        Assert.DoesNotContain("WS-ReliableMessaging is used", header);
        Assert.DoesNotContain("#import \"wsrm", header);
        await Soapcpp2Async();
        Assert.Contains("_ns1__Place", await File.ReadAllTextAsync(Path.Combine(_directory, "soapStub.h")));
    }

    [Fact]
    public async Task Wsdl2h_follows_the_import_of_a_second_contract_namespace_and_soapcpp2_compiles_both()
    {
        string header = await Wsdl2hAsync("/plain/front-desk");

        Assert.Contains("urn:wsrm:interop:orders", header);
        Assert.Contains("urn:wsrm:samples", header);
        await Soapcpp2Async();
        string stub = await File.ReadAllTextAsync(Path.Combine(_directory, "soapStub.h"));
        Assert.Matches(@"_ns\d+__Echo\b", stub);
        Assert.Matches(@"_ns\d+__Place\b", stub);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> Wsdl2hAsync(string path)
    {
        ForeignResult wsdl2h = await ForeignTool.RunAsync("wsdl2h",
            ["-o", "service.h", server.Url(path) + "?wsdl"], ToolTimeout, _directory);
        Assert.True(wsdl2h.ExitCode == 0, wsdl2h.ToString());
        Assert.DoesNotContain("error", wsdl2h.Stderr + wsdl2h.Stdout, StringComparison.OrdinalIgnoreCase);
        return await File.ReadAllTextAsync(Path.Combine(_directory, "service.h"));
    }

    private async Task<ForeignResult> Soapcpp2Async()
    {
        ForeignResult soapcpp2 = await ForeignTool.RunAsync("soapcpp2",
            ["-C", "-L", "-x", "-j", "-I/usr/share/gsoap/import:/usr/share/gsoap", "service.h"], ToolTimeout, _directory);
        Assert.True(soapcpp2.ExitCode == 0, soapcpp2.ToString());
        Assert.Contains("Compilation successful", soapcpp2.Stdout + soapcpp2.Stderr);
        return soapcpp2;
    }
}
