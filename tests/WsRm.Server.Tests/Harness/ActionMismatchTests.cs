using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>WS-Addressing SOAP binding §6.4.1: the transport's action must equal wsa:Action.</summary>
public sealed class ActionMismatchTests
{
    [Theory, WireMatrix]
    public async Task TransportAction_DifferentFromWsaAction_IsInvalidAddressingHeader_ActionMismatch(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var xml = Messages.Echo(session.Wire, session.To, session.Id, 1, "x").Build();

        var response = await host.Wire.SendAsync("/echo", soap, xml, "urn:wsrm:samples/IEchoService/Post");

        var fault = FaultAssert.SubcodeFault(response, session.Wire, XName.Get("InvalidAddressingHeader", Ns.Wsa10), session.Wire.AddressingFaultAction);
        if (session.Wire.IsSoap12) Assert.Equal(XName.Get("ActionMismatch", Ns.Wsa10), fault.Subcodes.ElementAtOrDefault(1));
        Assert.Empty((await session.AckRequestedAsync()).AckFor(session.Id).Ranges);
        await session.EchoOkAsync(1, "after mismatch");
    }

    [Theory, WireMatrix]
    public async Task TransportAction_EqualToWsaAction_IsServed(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var xml = Messages.Echo(session.Wire, session.To, session.Id, 1, "same").Build();

        var response = await host.Wire.SendAsync("/echo", soap, xml, Ns.EchoAction);

        response.AssertOk();
    }
}
