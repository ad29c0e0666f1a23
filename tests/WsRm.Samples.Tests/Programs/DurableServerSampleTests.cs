using WsRm.Client;
using WsRm.Samples.Contracts;
using WsRm.Samples.Tests.Programs;

namespace WsRm.Samples.Tests;

/// <summary>
/// The durable server sample of "Queues and durable sessions" (SQLite in a scratch directory): orders placed on its
/// durable endpoint are in the store's table after a SIGKILL and a restart, and its queued endpoint runs a post.
/// </summary>
public sealed class DurableServerSampleTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OrdersPlacedOnTheDurableEndpointAreKeptAcrossACrash()
    {
        using var work = new ScratchDirectory("wsrm-durable-sample-");
        await using var server = await SampleServer.StartAsync("samples/WsRm.Samples.DurableServer", "--ConnectionString", $"Data Source={work.File("orders.db")}");

        using (var factory = new WsRmChannelFactory<IOrders>(new WsRmClientOptions { Address = new Uri(server.Url("/orders")) }))
        {
            var orders = factory.CreateChannel();
            orders.Place(new Order { Id = "A-1", Total = 12.50m });
            orders.Place(new Order { Id = "A-2", Total = 3m });
            Assert.Equal(2, orders.Count());   // the same ordered session: after both places
            await ((IWsRmChannel)orders).CloseAsync().WaitAsync(CallTimeout);
        }

        await server.RestartAsync();

        using (var factory = new WsRmChannelFactory<IOrders>(new WsRmClientOptions { Address = new Uri(server.Url("/orders")) }))
        {
            var orders = factory.CreateChannel();
            Assert.Equal(2, orders.Count());
            await ((IWsRmChannel)orders).CloseAsync().WaitAsync(CallTimeout);
        }
    }

    [Fact]
    public async Task TheQueuedEndpointRunsAPost()
    {
        using var work = new ScratchDirectory("wsrm-durable-sample-");
        await using var server = await SampleServer.StartAsync("samples/WsRm.Samples.DurableServer", "--ConnectionString", $"Data Source={work.File("orders.db")}");

        using var factory = new WsRmChannelFactory<IPostQueue>(new WsRmClientOptions { Address = new Uri(server.Url("/queue/post")) });
        var queue = factory.CreateChannel();
        queue.Post("queued hello");
        await ((IWsRmChannel)queue).CloseAsync().WaitAsync(CallTimeout);

        await server.WaitForLineAsync("Queued post run: queued hello", CallTimeout);
    }
}
