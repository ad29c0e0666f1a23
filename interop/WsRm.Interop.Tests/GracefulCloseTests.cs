using System.ServiceModel;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Contracts;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>The WCF client's graceful close (LastMessage or CloseSequence, then TerminateSequence) succeeds.</summary>
[Collection(InteropCollection.Name)]
public sealed class GracefulCloseTests(InteropServerFixture server)
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Idle_session_closes_gracefully(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));
        var proxy = client.NewChannel();

        await Wcf.OpenAsync(proxy);
        Assert.Equal(CommunicationState.Opened, Wcf.State(proxy));
        await Wcf.CloseAsync(proxy);

        Assert.Equal(CommunicationState.Closed, Wcf.State(proxy));
    }

    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Session_with_calls_closes_gracefully(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));
        var proxy = client.NewChannel();
        var prefix = Texts.UniquePrefix("Close");

        Assert.Equal(prefix + "a", await Wcf.CallAsync(() => proxy.Echo(prefix + "a")));
        await Wcf.CallAsync(() => proxy.Post(prefix + "b"));
        Assert.Equal(prefix + "c", await Wcf.CallAsync(() => proxy.Echo(prefix + "c")));
        await Wcf.CloseAsync(proxy);

        Assert.Equal(CommunicationState.Closed, Wcf.State(proxy));
    }

    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Idle_one_way_session_closes_gracefully(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IOneWayLog>(config.CreateBinding(), server.Url(config.Path("/oneway")));
        var proxy = client.NewChannel();

        await Wcf.OpenAsync(proxy);
        await Wcf.CloseAsync(proxy);

        Assert.Equal(CommunicationState.Closed, Wcf.State(proxy));
    }
}
