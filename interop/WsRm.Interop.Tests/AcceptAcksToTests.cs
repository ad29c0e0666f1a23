using System.ServiceModel;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>
/// The WCF client checks that the CreateSequenceResponse's Accept/AcksTo is its endpoint address (dotnet/wcf
/// ChannelReliableSession: AcceptAcksTo.Uri == RemoteAddress.Uri, else ProtocolException
/// "AcksToMustBeSameAsRemoteAddress"; WCF's RM 1.0 protocol notes, R1108). The server names its own address, never the
/// request's wsa:To: a client that reaches it directly is served as before (every other interop test); one that uses a
/// logical address (its wsa:To) and sends to the server's URL (ClientVia) works when the endpoint declares that address
/// as <c>WsRmServiceOptions.Address</c>, and is refused by WCF itself when it does not.
/// </summary>
public sealed class AcceptAcksToTests(LogicalAddressServerFixture server) : IClassFixture<LogicalAddressServerFixture>
{
    [Theory]
    [MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]
    public async Task A_logical_endpoint_address_works_when_the_endpoint_declares_it(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), LogicalAddressServerFixture.Logical,
            via: server.Url(config.Path("/logical")));
        var echo = client.NewChannel();

        Assert.Equal("logical", await Wcf.CallAsync(() => echo.Echo("logical")));
        Assert.Equal("again", await Wcf.CallAsync(() => echo.Echo("again")));
        await Wcf.CloseAsync(echo);
    }

    [Theory]
    [InlineData("Custom RM1.0 SOAP1.2 ordered")]
    [InlineData("Custom RM1.1 SOAP1.1 ordered")]
    public async Task A_logical_endpoint_address_the_endpoint_does_not_declare_is_refused_by_WCF(string configName)
    {
        var config = BindingMatrix.Get(configName);
        using var client = new WcfClient<IEchoService>(config.CreateBinding(), LogicalAddressServerFixture.Logical,
            via: server.Url("/undeclared"));
        var echo = client.NewChannel();

        var refused = await Assert.ThrowsAsync<ProtocolException>(() => Wcf.OpenAsync(echo));

        Assert.Contains("address for acknowledgements that is not the same as the address for application messages", refused.Message);
    }
}
