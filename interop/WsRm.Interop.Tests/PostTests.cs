using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>One-way operations mixed with request-reply in one reliable session.</summary>
[Collection(InteropCollection.Name)]
public sealed class PostTests(InteropServerFixture server)
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Twenty_posts_are_each_received_exactly_once(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));
        var proxy = client.NewChannel();
        var prefix = Texts.UniquePrefix("Post");
        var texts = Texts.Numbered(prefix, 20);

        foreach (var text in texts) await Wcf.CallAsync(() => proxy.Post(text));

        // Ordered: Received is delivered after every Post of the session. Unordered: wait for the posts to land first.
        if (!config.Ordered) await Eventually.AtLeastAsync(() => server.Posted.StartingWith(prefix), texts.Length);
        var received = await Wcf.CallAsync(() => proxy.Received(prefix));

        Texts.AssertDelivered(texts, received, config.Ordered);
        await Wcf.CloseAsync(proxy);
    }
}
