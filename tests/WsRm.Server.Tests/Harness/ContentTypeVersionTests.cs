using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The content type selects the SOAP HTTP binding (text/xml: SOAP 1.1, application/soap+xml: SOAP 1.2); an envelope of
/// the other version is not processed but gets a VersionMismatch fault in the announced version, with an Upgrade header
/// (SOAP 1.1 §4.4.1, SOAP 1.2 Part 1 §5.4.7, WS-I BP 1.1 R1015). Not 415: both media types are served here.
/// </summary>
public sealed class ContentTypeVersionTests
{
    // The envelope's SOAP version is the other one than the content type's.
    private static SoapSpec Other(SoapSpec soap) => soap == SoapSpec.Soap11 ? SoapSpec.Soap12 : SoapSpec.Soap11;

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task A_one_way_post_in_the_other_version_is_VersionMismatch_and_not_run(SoapSpec contentType)
    {
        await using var host = new EchoHost();
        var text = $"mismatched-{contentType}-{Guid.NewGuid():N}";
        var envelope = new Envelope(new Wire(RmSpec.Rm11, Other(contentType))).WithAction(Ns.PostAction).WithMessageId()
            .WithTo(host.Wire.Url("/plain/echo")).WithBody($"<Post xmlns=\"{Ns.Samples}\"><text>{text}</text></Post>");

        var response = await host.Wire.SendAsync("/plain/echo", contentType, envelope.Build(), Ns.PostAction);

        var fault = FaultAssert.SoapFault(response, contentType, "VersionMismatch", "VersionMismatch");
        Assert.Contains(envelope.Wire.SoapNs, fault.Reason);
        Assert.Contains(new Wire(RmSpec.Rm11, contentType).MediaType, fault.Reason);
        AssertUpgrade(response, contentType);
        Assert.Empty(await host.Wire.ReceivedAsync(text));
    }

    [Theory, WireMatrix]
    public async Task A_CreateSequence_in_the_other_version_is_VersionMismatch_and_creates_nothing(RmSpec rm, SoapSpec contentType)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, Other(contentType));
        var envelope = Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId());

        var response = await host.Wire.SendAsync("/echo", contentType, envelope.Build(), envelope.Action);

        FaultAssert.SoapFault(response, contentType, "VersionMismatch", "VersionMismatch");
        AssertUpgrade(response, contentType);
        Assert.DoesNotContain("CreateSequenceResponse", response.Text, StringComparison.Ordinal);
        // The same CreateSequence with the right content type still works.
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, contentType));
        await session.EchoOkAsync(1, "after mismatch");
    }

    [Theory, WireMatrix]
    public async Task A_sequence_message_in_the_other_version_is_VersionMismatch_and_not_acknowledged(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var echo = Messages.Echo(new Wire(rm, Other(soap)), session.To, session.Id, 1, "x");

        var response = await host.Wire.SendAsync("/echo", soap, echo.Build(), echo.Action);

        FaultAssert.SoapFault(response, soap, "VersionMismatch", "VersionMismatch");
        Assert.Empty((await session.AckRequestedAsync()).AckFor(session.Id).Ranges);
        await session.EchoOkAsync(1, "after mismatch");
    }

    // env:Upgrade lists the envelopes this node takes, the announced version first.
    private static void AssertUpgrade(WireResponse response, SoapSpec preferred)
    {
        var upgrade = response.HeaderBlock("Upgrade", Ns.Soap12);
        Assert.True(upgrade is not null, "No env:Upgrade header.\n" + response.Text);
        var supported = upgrade.Elements(XName.Get("SupportedEnvelope", Ns.Soap12)).Select(e =>
        {
            var qname = e.Attribute("qname")!.Value;
            var colon = qname.IndexOf(':');
            return (e.GetNamespaceOfPrefix(qname[..colon]) ?? XNamespace.None) + qname[(colon + 1)..];
        });
        Assert.Equal(preferred == SoapSpec.Soap11
            ? [XName.Get("Envelope", Ns.Soap11), XName.Get("Envelope", Ns.Soap12)]
            : [XName.Get("Envelope", Ns.Soap12), XName.Get("Envelope", Ns.Soap11)], supported);
    }
}
