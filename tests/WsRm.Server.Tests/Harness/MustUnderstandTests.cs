using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>Header blocks marked mustUnderstand that the server does not know (SOAP 1.1 §4.2.3, SOAP 1.2 Part 1 §5.2.3).</summary>
public sealed class MustUnderstandTests
{
    [Theory, WireMatrix]
    public async Task UnknownMustUnderstandHeader_IsMustUnderstandFault_AndTheMessageIsNotProcessed(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var request = Messages.Echo(session.Wire, session.To, session.Id, 1, "x")
            .WithHeader("<t:Secret xmlns:t=\"urn:test:unknown\" s:mustUnderstand=\"1\">42</t:Secret>");

        var response = await session.SendAsync(request);

        var fault = FaultAssert.SoapFault(response, soap, "MustUnderstand", "MustUnderstand");
        Assert.Contains("Secret", fault.Reason, StringComparison.Ordinal);
        var ack = (await session.AckRequestedAsync()).AckFor(session.Id);
        Assert.Empty(ack.Ranges);
        await session.EchoOkAsync(1, "after mustUnderstand");
    }

    [Theory]
    [InlineData(RmSpec.Rm10)]
    [InlineData(RmSpec.Rm11)]
    public async Task UnknownMustUnderstandHeader_Soap12Fault_NamesTheHeaderInNotUnderstood(RmSpec rm)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, SoapSpec.Soap12));
        var request = Messages.Echo(session.Wire, session.To, session.Id, 1, "x")
            .WithHeader("<t:Secret xmlns:t=\"urn:test:unknown\" s:mustUnderstand=\"1\">42</t:Secret>");

        var response = await session.SendAsync(request);

        var notUnderstood = response.HeaderBlock("NotUnderstood", Ns.Soap12);
        Assert.NotNull(notUnderstood);
        var qname = (string?)notUnderstood.Attribute("qname") ?? "";
        var colon = qname.IndexOf(':');
        Assert.Equal(XName.Get("Secret", "urn:test:unknown"), (notUnderstood.GetNamespaceOfPrefix(qname[..colon]) ?? XNamespace.None) + qname[(colon + 1)..]);
    }

    [Theory]
    [InlineData(RmSpec.Rm10)]
    [InlineData(RmSpec.Rm11)]
    public async Task MustUnderstandHeader_ForTheSoap12NoneRole_IsIgnored(RmSpec rm)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, SoapSpec.Soap12));
        var request = Messages.Echo(session.Wire, session.To, session.Id, 1, "x")
            .WithHeader($"<t:Secret xmlns:t=\"urn:test:unknown\" s:mustUnderstand=\"1\" s:role=\"{Ns.Soap12}/role/none\">42</t:Secret>");

        var response = await session.SendAsync(request);

        response.AssertOk();
    }
}
