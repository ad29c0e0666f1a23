using System.Diagnostics;
using System.ServiceModel;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Contracts;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>
/// The WCF client's graceful close (RM 1.0: LastMessage then TerminateSequence; RM 1.1: CloseSequence then
/// TerminateSequence) succeeds, and promptly: when the server does not answer a close message the way WCF expects,
/// WCF retries it every 10 s and the close still "succeeds" after 20 s or more, so the duration is asserted too.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class GracefulCloseTests(InteropServerFixture server)
{
    private static readonly TimeSpan PromptClose = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Idle_session_closes_gracefully(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), server.Url(config.Path("/echo")));
        var proxy = client.NewChannel();

        await Wcf.OpenAsync(proxy);
        Assert.Equal(CommunicationState.Opened, Wcf.State(proxy));
        await CloseAndAssertClosedAsync(proxy);
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
        await CloseAndAssertClosedAsync(proxy);
    }

    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Idle_one_way_session_closes_gracefully(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IOneWayLog>(config.CreateBinding(), server.Url(config.Path("/oneway")));
        var proxy = client.NewChannel();

        await Wcf.OpenAsync(proxy);
        await CloseAndAssertClosedAsync(proxy);
    }

    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task One_way_session_with_calls_closes_gracefully(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IOneWayLog>(config.CreateBinding(), server.Url(config.Path("/oneway")));
        var proxy = client.NewChannel();
        var prefix = Texts.UniquePrefix("CloseLog");

        await Wcf.CallAsync(() => proxy.Log(prefix + "a"));
        await CloseAndAssertClosedAsync(proxy);
    }

    private static async Task CloseAndAssertClosedAsync(object proxy)
    {
        var clock = Stopwatch.StartNew();
        await Wcf.CloseAsync(proxy);

        Assert.Equal(CommunicationState.Closed, Wcf.State(proxy));
        Assert.True(clock.Elapsed < PromptClose, $"Close took {clock.Elapsed.TotalSeconds:F1} s (WCF retried a close message).");
    }
}
