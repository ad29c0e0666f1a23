using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>Sixteen WCF reliable sessions at once on one server: no message of one session leaks into another.</summary>
[Collection(InteropCollection.Name)]
public sealed class ConcurrentSessionsTests(InteropServerFixture server)
{
    private const int Sessions = 16;
    private const int CallsPerSession = 10;

    [Theory]
    [InlineData("WSHttp RM1.0 SOAP1.2 ordered")]
    [InlineData("Custom RM1.1 SOAP1.1 ordered")]
    public async Task Sixteen_sessions_in_parallel_each_get_their_own_replies_and_posts(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));

        var sessions = Enumerable.Range(0, Sessions).Select(async s =>
        {
            var proxy = client.NewChannel();
            var prefix = Texts.UniquePrefix($"Concurrent{s}");
            var posts = Texts.Numbered(prefix, CallsPerSession);
            for (var i = 0; i < CallsPerSession; i++)
            {
                var text = posts[i];
                await Wcf.CallAsync(() => proxy.Post(text));
                var echo = $"{prefix}echo{i}";
                Assert.Equal(echo, await Wcf.CallAsync(() => proxy.Echo(echo)));
            }
            var received = await Wcf.CallAsync(() => proxy.Received(prefix));
            await Wcf.CloseAsync(proxy);
            Texts.AssertDelivered(posts, received, ordered: true);
        });

        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(90));
    }
}
