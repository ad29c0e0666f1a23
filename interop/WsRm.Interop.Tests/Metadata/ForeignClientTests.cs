using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// Clients generated at run time from our <c>?wsdl</c> by stacks nobody here wrote (real processes on loopback):
/// Python zeep (Debian python3-zeep) and node's soap package (npm). Each calls the plain echo (Echo, one-way Post,
/// Received) and the order desk (a DataContract in and out, the declared fault with its detail, one-way Cancel and an
/// array result), then a service with both contracts (two namespaces, the second imported from ?wsdl=wsdl0); scripts
/// in interop/metadata.
/// </summary>
[Collection(MetadataCollection.Name)]
public sealed class ForeignClientTests(MetadataServerFixture server)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Zeep_generates_a_client_from_our_wsdl_and_calls_echo_and_the_order_desk()
    {
        string prefix = Texts.UniquePrefix("Zeep");
        ForeignResult zeep = await ForeignTool.RunAsync("/usr/bin/python3",
            [InteropScripts.Path("zeep_client.py"), server.Url("/").ToString(), prefix], RunTimeout);

        AssertConversation(zeep, prefix);
    }

    [Fact]
    public async Task Node_soap_generates_a_client_from_our_wsdl_and_calls_echo_and_the_order_desk()
    {
        string modules = await NodeSoap.ModulesAsync();
        string prefix = Texts.UniquePrefix("Node");
        ForeignResult node = await ForeignTool.RunAsync("node",
            [InteropScripts.Path("soap_client.js"), server.Url("/").ToString(), prefix], RunTimeout,
            environment: new Dictionary<string, string> { ["NODE_PATH"] = modules });

        AssertConversation(node, prefix);
    }

    private void AssertConversation(ForeignResult result, string prefix)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                $"ECHO {prefix}hello",
                $"RECEIVED {prefix}posted",
                $"RECEIPT {prefix}tea-3 3",
                "FAULT quantity 0 is not positive",
                $"CANCELLED {prefix}order-1 {prefix}order-2",
                $"FRONT {prefix}front {prefix}cup-1",
                "DONE",
            ],
            result.Lines);
        Assert.Equal([$"{prefix}order-1", $"{prefix}order-2"], server.Cancelled.StartingWith(prefix));
    }
}
