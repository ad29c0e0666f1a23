using System.Globalization;
using WsRm.Client;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests.Gsoap;

/// <summary>
/// WsRm.Client against gSOAP 2.8's WS-RM destination (a real process, interop/gsoap/server.c): it answers one-way
/// messages with HTTP 202 and no acknowledgement, acknowledges only on CloseSequence/TerminateSequence (and on the
/// replies of request-reply calls), and serves one thread per connection with Connection: close.
/// </summary>
public sealed class GsoapServerTests
{
    private const int Count = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(WsRmVersion.Rm10, WsRmSoapVersion.Soap11)]
    [InlineData(WsRmVersion.Rm10, WsRmSoapVersion.Soap12)]
    [InlineData(WsRmVersion.Rm11, WsRmSoapVersion.Soap11)]
    [InlineData(WsRmVersion.Rm11, WsRmSoapVersion.Soap12)]
    public async Task WsRm_client_posts_to_the_gsoap_server_arrive_once_in_order(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var program = await GsoapBuild.ProgramAsync(rm == WsRmVersion.Rm10 ? "gsoap-server-rm10" : "gsoap-server-rm11");
        await using var server = GsoapProcess.Start(program, "--port", "0", "--lifetime", "120");
        var port = int.Parse((await server.WaitForLineAsync("LISTENING ", StartTimeout))["LISTENING ".Length..], CultureInfo.InvariantCulture);
        var prefix = Texts.UniquePrefix($"ToGsoap-{rm}-{soap}");
        var texts = Enumerable.Range(1, Count).Select(i => $"{prefix}{i:D3}").ToArray();

        await RunAsync(async () =>
        {
            using var factory = new WsRmChannelFactory<IEchoService>(new WsRmClientOptions
            {
                Address = new Uri($"http://127.0.0.1:{port}/echo"),
                Version = rm,
                Soap = soap,
                OperationTimeout = TimeSpan.FromSeconds(30),
            });
            var echo = factory.CreateChannel();
            foreach (var text in texts) echo.Post(text);
            Assert.Equal(prefix + "echo", echo.Echo(prefix + "echo"));
            await ((IWsRmChannel)echo).CloseAsync();
        }, server);

        foreach (var text in texts) await server.WaitForLineAsync("POST " + text, StartTimeout);
        Assert.Equal(texts.Select(t => "POST " + t), server.Lines.Where(l => l.StartsWith("POST " + prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(WsRmSoapVersion.Soap11)]
    [InlineData(WsRmSoapVersion.Soap12)]
    public async Task A_strict_gsoap_rm10_server_refuses_the_rm10_offer_and_the_client_reports_its_fault_at_once(WsRmSoapVersion soap)
    {
        // gSOAP's 1.0 types are its 1.1 types in the 1.0 namespace: with SOAP_XML_STRICT (as its wsrmdemo runs) it
        // requires 1.1's Offer/Endpoint, which the 1.0 schema does not have. SOAP 1.1 says so in a 500, SOAP 1.2 in a 400.
        var program = await GsoapBuild.ProgramAsync("gsoap-server-rm10");
        await using var server = GsoapProcess.Start(program, "--port", "0", "--lifetime", "120", "--strict");
        var port = int.Parse((await server.WaitForLineAsync("LISTENING ", StartTimeout))["LISTENING ".Length..], CultureInfo.InvariantCulture);
        using var factory = new WsRmChannelFactory<IEchoService>(new WsRmClientOptions
        {
            Address = new Uri($"http://127.0.0.1:{port}/echo"),
            Version = WsRmVersion.Rm10,
            Soap = soap,
        });

        var error = await Record.ExceptionAsync(() => factory.CreateChannelAsync()).WaitAsync(RunTimeout);

        var fault = Assert.IsType<SoapFaultException>(error);
        Assert.Contains("occurrence constraint violation in element 'r:Offer'", fault.Message);
    }

    // Runs the client side within the run timeout; on failure the gSOAP server's output goes into the message.
    private static async Task RunAsync(Func<Task> clientSide, GsoapProcess server)
    {
        try
        {
            await Task.Run(clientSide).WaitAsync(RunTimeout);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\ngSOAP server {server.Description}\n{await server.ReportAsync()}\n{e}");
        }
    }
}
