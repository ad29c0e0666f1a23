using System.ServiceModel;
using System.ServiceModel.Channels;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>The plain (non-reliable) SOAP endpoint with WCF's BasicHttpBinding (SOAP 1.1) and WSHttpBinding (SOAP 1.2).</summary>
[Collection(InteropCollection.Name)]
public sealed class PlainSoapTests(InteropServerFixture server)
{
    public static TheoryData<string> Bindings => ["BasicHttp SOAP1.1", "WSHttp SOAP1.2 no RM"];

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task Plain_echo_and_post_work_without_a_sequence(string bindingName)
    {
        using var client = new WcfClient<IEchoService>(CreateBinding(bindingName), server.Url("/plain/echo"));
        var proxy = client.NewChannel();
        var prefix = Texts.UniquePrefix("Plain");

        Assert.Equal(prefix, await Wcf.CallAsync(() => proxy.Echo(prefix)));
        await Wcf.CallAsync(() => proxy.Post(prefix + "000"));
        var received = await Eventually.AtLeastAsync(() => server.Posted.StartingWith(prefix), 1);
        Assert.Equal([prefix + "000"], received);
        Assert.Equal([prefix + "000"], await Wcf.CallAsync(() => proxy.Received(prefix)));
        await Wcf.CloseAsync(proxy);
    }

    private static Binding CreateBinding(string name)
    {
        Binding binding = name.StartsWith("BasicHttp", StringComparison.Ordinal)
            ? new BasicHttpBinding(BasicHttpSecurityMode.None)
            : new WSHttpBinding(SecurityMode.None, reliableSessionEnabled: false);
        binding.OpenTimeout = binding.SendTimeout = binding.CloseTimeout = BindingMatrix.BindingTimeout;
        return binding;
    }
}
