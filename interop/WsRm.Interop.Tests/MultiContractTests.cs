using System.ServiceModel;
using System.ServiceModel.Channels;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Contracts;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>
/// The real WCF client calling two contracts of one service at one address, as with two WCF endpoints sharing an
/// address: each channel factory speaks its own contract, the server tells them apart by action.
/// </summary>
public sealed class MultiContractTests(MultiContractServerFixture server) : IClassFixture<MultiContractServerFixture>
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Two_contracts_at_one_address_over_reliable_sessions(string configName)
    {
        var config = BindingMatrix.Get(configName);
        var address = server.Url(config.Path("/both"));
        using var echoClient = new WcfClient<IEchoService>(config.CreateBinding(), address);
        using var counterClient = new WcfClient<ICounterService>(config.CreateBinding(), address);
        var prefix = Texts.UniquePrefix("Both");

        var echo = echoClient.NewChannel();
        var counter = counterClient.NewChannel();
        Assert.Equal(prefix, await Wcf.CallAsync(() => echo.Echo(prefix)));
        int[] counts = [await Wcf.CallAsync(counter.Next), await Wcf.CallAsync(counter.Next), await Wcf.CallAsync(counter.Next)];
        await Wcf.CallAsync(() => echo.Post(prefix + "-posted"));
        Assert.Equal([prefix + "-posted"], await Wcf.CallAsync(() => echo.Received(prefix)));

        // Each WCF channel is its own reliable session, with its own service instance.
        Assert.Equal([1, 2, 3], counts);
        var secondCounter = counterClient.NewChannel();
        Assert.Equal(1, await Wcf.CallAsync(secondCounter.Next));

        await Wcf.CloseAsync(echo);
        await Wcf.CloseAsync(counter);
        await Wcf.CloseAsync(secondCounter);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_contracts_at_one_plain_address(bool soap11)
    {
        Binding binding = soap11
            ? new BasicHttpBinding(BasicHttpSecurityMode.None)
            : new WSHttpBinding(SecurityMode.None, reliableSessionEnabled: false);
        binding.OpenTimeout = binding.SendTimeout = binding.CloseTimeout = BindingMatrix.BindingTimeout;
        var address = server.Url("/plain/both");
        using var echoClient = new WcfClient<IEchoService>(binding, address);
        using var counterClient = new WcfClient<ICounterService>(binding, address);

        var echo = echoClient.NewChannel();
        var counter = counterClient.NewChannel();

        Assert.Equal("plain both", await Wcf.CallAsync(() => echo.Echo("plain both")));
        // Without a session every call gets a new instance (a plain call is its own session).
        int[] counts = [await Wcf.CallAsync(counter.Next), await Wcf.CallAsync(counter.Next)];
        Assert.Equal([1, 1], counts);
        await Wcf.CloseAsync(echo);
        await Wcf.CloseAsync(counter);
    }
}
