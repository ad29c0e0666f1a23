using WsRm.Client;
using WsRm.Samples.Contracts;
using WsRm.Samples.Tests.Programs;

namespace WsRm.Samples.Tests;

/// <summary>
/// The client samples, run as the README says (<c>dotnet run --project samples/… -- address</c>), against the server
/// sample of "Host a service": each prints what the README's comments say it does.
/// </summary>
public sealed class ClientSampleTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TheWsRmClientSampleEchoesAndPostsOverOneSession()
    {
        await using var server = await SampleServer.StartAsync("samples/WsRm.Samples.Server");

        var run = await ToolProcess.RunAsync(Repository.Program("samples/WsRm.Samples.Client"), [server.Url("/echo")], RunTimeout);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["hello", "fire and forget"], run.StandardOutput);
    }

    [Theory]
    [InlineData("WSHttpBinding, WS-RM 1.0, SOAP 1.2")]
    [InlineData("CustomBinding, WS-RM 1.1, SOAP 1.1", "rm11")]
    public async Task TheWcfClientSampleEchoesOverAReliableSession(string binding, params string[] args)
    {
        await using var server = await SampleServer.StartAsync("samples/WsRm.Samples.Server");

        var run = await ToolProcess.RunAsync(Repository.Program("samples/WsRm.Samples.WcfClient"), [server.Url("/echo"), .. args], RunTimeout);

        Assert.True(run.ExitCode == 0, $"{binding}:{Environment.NewLine}{run.Output}");
        Assert.Equal(["hello"], run.StandardOutput);
    }

    [Fact]
    public async Task TheQueuedClientSampleDeliversItsPostThroughItsOutbox()
    {
        await using var server = await SampleServer.StartAsync("samples/WsRm.Samples.Server");
        using var work = new ScratchDirectory("wsrm-queued-sample-");

        await using (var sender = ToolProcess.Start(Repository.Program("samples/WsRm.Samples.Client"), ["queued", server.Url("/echo")], work.Path))
        {
            Assert.True(await sender.WaitForExitAsync(RunTimeout) == 0, sender.Output());
            Assert.Equal(["queue empty"], sender.StandardOutput());
        }

        Assert.True(File.Exists(work.File("outbox.db")), "the sample's transmission queue is outbox.db in its working directory");
        using var factory = new WsRmChannelFactory<IEchoService>(new WsRmClientOptions { Address = new Uri(server.Url("/echo")) });
        var echo = factory.CreateChannel();
        Assert.Equal(["hello"], echo.Received("hello"));
        await ((IWsRmChannel)echo).CloseAsync().WaitAsync(RunTimeout);
    }
}
