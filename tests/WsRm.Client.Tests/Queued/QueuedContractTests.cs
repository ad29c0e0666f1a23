using System.ServiceModel;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Queued;

/// <summary>What a queued client accepts, checked when the factory is made, and the shape of its calls.</summary>
public sealed class QueuedContractTests
{
    [ServiceContract]
    public interface IMixed
    {
        [OperationContract(IsOneWay = true)] void Notify(string text);

        [OperationContract] string Ask(string question);
    }

    [Fact]
    public async Task A_contract_with_an_operation_that_is_not_one_way_is_refused_naming_it()
    {
        await using var files = new TempStore();
        var store = await files.OpenAsync();

        var e = Assert.Throws<InvalidOperationException>(() => new WsRmQueuedChannelFactory<IMixed>(Queues.Options(new Uri("http://127.0.0.1:9/x")), store));

        Assert.Contains($"{typeof(IMixed).FullName}.Ask is not one-way", e.Message);
    }

    [Theory]
    [InlineData(nameof(WsRmQueuedClientOptions.Address))]
    [InlineData(nameof(WsRmQueuedClientOptions.TimeToLive))]
    [InlineData(nameof(WsRmQueuedClientOptions.MaxRetryDelay))]
    [InlineData(nameof(WsRmQueuedClientOptions.MaxRefusals))]
    [InlineData(nameof(WsRmQueuedClientOptions.PageSize))]
    [InlineData(nameof(WsRmQueuedClientOptions.QueueName))]
    [InlineData(nameof(WsRmQueuedClientOptions.MaxTransferWindowSize))]
    public void A_setting_out_of_range_is_refused_naming_it(string setting)
    {
        var options = Queues.Options(new Uri("http://127.0.0.1:9/x"));
        switch (setting)
        {
            case "Address": options.Address = new Uri("/relative", UriKind.Relative); break;
            case "TimeToLive": options.TimeToLive = TimeSpan.Zero; break;
            case "MaxRetryDelay": options.MaxRetryDelay = options.RetryDelay / 2; break;
            case "MaxRefusals": options.MaxRefusals = 0; break;
            case "PageSize": options.PageSize = options.MaxTransferWindowSize - 1; break;
            case "QueueName": options.QueueName = " "; break;
            case "MaxTransferWindowSize": options.MaxTransferWindowSize = 0; break;
        }

        var e = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Contains($"WsRmQueuedClientOptions.{setting}", e.Message);
    }

    [Fact]
    public void The_default_queue_name_is_the_contract_and_the_address()
    {
        var options = Queues.Options(new Uri("http://127.0.0.1:9/x"));
        Assert.Equal($"{typeof(IQueuedEcho).FullName}@http://127.0.0.1:9/x", QueuedContract.DefaultQueueName(typeof(IQueuedEcho), options.Address!));
    }

    [Fact]
    public async Task Calls_return_once_committed_with_the_body_the_typed_proxy_would_send_and_their_expiry()
    {
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        var options = Queues.Options(new Uri("http://127.0.0.1:9/x"));
        options.QueueName = "contract-test";
        options.TimeToLive = TimeSpan.MaxValue;
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store);
        await factory.Forwarder.StopAsync().Within(); // nothing is sent here; only what is stored is looked at
        var echo = factory.CreateChannel();

        echo.Post("sync <&>");
        await echo.PostAsync("async").Within();

        var stored = await Queues.PendingAsync(store, "contract-test");
        Assert.Equal(["sync <&>", "async"], stored.Select(m => System.Net.WebUtility.HtmlDecode(Queues.Text(m))));
        Assert.All(stored, m =>
        {
            Assert.Equal("urn:wsrm:samples/IEchoService/Post", m.Action);
            Assert.Null(m.ExpiresAt);
            Assert.Null(m.SequenceId);
            Assert.StartsWith("<Post xmlns=\"urn:wsrm:samples\"><text>", System.Text.Encoding.UTF8.GetString(m.Body));
        });
    }
}
