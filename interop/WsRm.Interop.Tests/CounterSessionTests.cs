using WsRm.Interop.Tests.Contracts;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>Per-session service instances: a reliable session keeps one instance, a new session gets a new one.</summary>
[Collection(InteropCollection.Name)]
public sealed class CounterSessionTests(InteropServerFixture server)
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task Each_session_counts_from_one(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<ICounterService>(config.CreateBinding(), server.Url(config.Path("/counter")));

        var sessionA = client.NewChannel();
        int[] countsA = [await Wcf.CallAsync(sessionA.Next), await Wcf.CallAsync(sessionA.Next), await Wcf.CallAsync(sessionA.Next)];
        Assert.Equal([1, 2, 3], countsA);

        var sessionB = client.NewChannel();
        Assert.Equal(1, await Wcf.CallAsync(sessionB.Next));
        Assert.Equal(4, await Wcf.CallAsync(sessionA.Next));

        await Wcf.CloseAsync(sessionA);
        await Wcf.CloseAsync(sessionB);
    }
}
