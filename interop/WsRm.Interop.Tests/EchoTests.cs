using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>Request-reply over a reliable session, with the real WCF client.</summary>
[Collection(InteropCollection.Name)]
public sealed class EchoTests(InteropServerFixture server)
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Twenty_echo_calls_each_return_their_text(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));
        var proxy = client.NewChannel();

        foreach (var text in Texts.Numbered(Texts.UniquePrefix("Echo"), 20))
        {
            Assert.Equal(text, await Wcf.CallAsync(() => proxy.Echo(text)));
        }

        await Wcf.CloseAsync(proxy);
    }
}
