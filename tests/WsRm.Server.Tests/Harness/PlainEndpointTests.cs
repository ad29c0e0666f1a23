using System.Net;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>The plain SOAP endpoint /plain/echo: the same service without WS-RM.</summary>
public sealed class PlainEndpointTests
{
    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task Echo_RepliesWithoutRmHeaders(SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(RmSpec.Rm11, soap);
        var request = new Envelope(wire).WithAction(Ns.EchoAction).WithMessageId().WithReplyToAnonymous()
            .WithTo(host.Wire.Url("/plain/echo")).WithBody(Messages.EchoBody("plain"));

        var reply = await host.Wire.SendAsync("/plain/echo", request);

        reply.AssertOk();
        Assert.Equal(wire.MediaType, reply.MediaType);
        Assert.Equal(Ns.EchoResponseAction, reply.Action);
        if (wire.IsSoap12) Assert.Equal(Ns.EchoResponseAction, reply.ContentTypeAction);
        Assert.Equal(request.MessageId, reply.RelatesTo);
        Assert.Null(reply.Sequence);
        Assert.Empty(reply.Acks);
        Assert.DoesNotContain(reply.Header!.Elements(), e => e.Name.NamespaceName is Ns.Rm10 or Ns.Rm11);
        Assert.Equal("plain", reply.BodyElement!.Element(XName.Get("EchoResult", Ns.Samples))?.Value);
    }

    [Fact]
    public async Task Echo_Soap11WithoutAddressing_UsesSoapActionAndRepliesWithoutAddressing()
    {
        await using var host = new EchoHost();
        var xml = $"<s:Envelope xmlns:s=\"{Ns.Soap11}\"><s:Body>{Messages.EchoBody("basic profile")}</s:Body></s:Envelope>";

        var reply = await host.Wire.SendAsync("/plain/echo", SoapSpec.Soap11, xml, Ns.EchoAction);

        reply.AssertOk();
        Assert.Null(reply.Action);
        Assert.Equal("basic profile", reply.BodyElement!.Element(XName.Get("EchoResult", Ns.Samples))?.Value);
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task Post_IsAcceptedWith202AndRuns(SoapSpec soap)
    {
        await using var host = new EchoHost();
        var request = new Envelope(new Wire(RmSpec.Rm11, soap)).WithAction(Ns.PostAction).WithMessageId()
            .WithTo(host.Wire.Url("/plain/echo")).WithBody($"<Post xmlns=\"{Ns.Samples}\"><text>plain-post</text></Post>");

        var response = await host.Wire.SendAsync("/plain/echo", request);

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Empty(response.Text);
        Assert.Equal(["plain-post"], await host.Wire.ReceivedAsync("plain-post"));
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task UnknownAction_IsActionNotSupported(SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(RmSpec.Rm11, soap);
        const string action = Ns.Samples + "/IEchoService/Nope";
        var request = new Envelope(wire).WithAction(action).WithMessageId().WithTo(host.Wire.Url("/plain/echo"))
            .WithBody($"<Nope xmlns=\"{Ns.Samples}\"/>");

        var response = await host.Wire.SendAsync("/plain/echo", request);

        var fault = FaultAssert.SubcodeFault(response, wire, XName.Get("ActionNotSupported", Ns.Wsa10), wire.AddressingFaultAction);
        Assert.Contains(action, fault.Reason);
        Assert.Equal(request.MessageId, response.RelatesTo);
    }

    [Theory, WireMatrix]
    public async Task CreateSequence_OnThePlainEndpoint_IsNotAnOperation(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);

        var response = await host.Wire.SendAsync("/plain/echo", Messages.CreateSequence(wire, host.Wire.Url("/plain/echo"), Envelope.NewId()));

        FaultAssert.SubcodeFault(response, wire, XName.Get("ActionNotSupported", Ns.Wsa10), wire.AddressingFaultAction);
    }

    [Theory]
    [WireMatrix]
    public async Task SequenceHeader_OnThePlainEndpoint_IsNotUnderstood(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = Messages.Post(wire, host.Wire.Url("/plain/echo"), Envelope.NewId(), 1, "plain-with-sequence");

        var response = await host.Wire.SendAsync("/plain/echo", request);

        FaultAssert.SoapFault(response, soap, "MustUnderstand", "MustUnderstand");
        Assert.Empty(await host.Wire.ReceivedAsync("plain-with-sequence"));
    }
}
