using WsRm.Interop.Tests.Contracts;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>A contract with only one-way operations: the WCF client's sequence has no Offer and no reply sequence.</summary>
[Collection(InteropCollection.Name)]
public sealed class OneWayContractTests(InteropServerFixture server)
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Twenty_logs_then_close_deliver_each_exactly_once(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IOneWayLog>(config.CreateBinding(), server.Url(config.Path("/oneway")));
        var proxy = client.NewChannel();
        var prefix = Texts.UniquePrefix("Log");
        var texts = Texts.Numbered(prefix, 20);

        foreach (var text in texts) await Wcf.CallAsync(() => proxy.Log(text));
        await Wcf.CloseAsync(proxy);

        var received = await Eventually.AtLeastAsync(() => server.Logged.StartingWith(prefix), texts.Length);
        Texts.AssertDelivered(texts, received, config.Ordered);
    }
}
