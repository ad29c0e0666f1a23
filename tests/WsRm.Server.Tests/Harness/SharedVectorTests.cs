using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>The shared reference vectors from other implementations (Sandesha, WCF documents, MS open specs), sent as-is apart from the README's substitutions.</summary>
public sealed class SharedVectorTests
{
    private static readonly Wire Sandesha1 = new(RmSpec.Rm10, SoapSpec.Soap11, Wsa2004: true);

    [Fact]
    public async Task Sandesha1_UnknownSequence_IsUnknownSequence_InTheSoap11HeaderShape()
    {
        await using var host = new EchoHost();
        var vector = SharedVectors.Load("negative/sandesha1_UnknownSequence_msg5.xml").WithTo(host.Wire.Url("/echo")).WithFreshMessageId().WithAnonymousReplyTo();

        var response = await vector.SendAsync(host.Wire, "/echo");

        FaultAssert.RmHeaderFault(response, Sandesha1, "UnknownSequence", "uuid:38c46700-7596-11d9-bc0a-e04431962602");
        Assert.Equal(vector.MessageId, response.RelatesTo);
    }

    [Fact]
    public async Task Sandesha1_NoRmHeaders_IsWsrmRequired()
    {
        await using var host = new EchoHost();
        var vector = SharedVectors.Load("negative/sandesha1_NoRMHeaders_WSRMRequired.xml").WithTo(host.Wire.Url("/echo")).WithFreshMessageId().WithAnonymousReplyTo();

        var response = await vector.SendAsync(host.Wire, "/echo");

        FaultAssert.SubcodeFault(response, Sandesha1, XName.Get("WSRMRequired", Ns.Rm11), action: null);
    }

    [Fact]
    public async Task Sandesha1_CreateSequence_ThenMessageNumberUInt64Max_IsMessageNumberRollover()
    {
        await using var host = new EchoHost();
        var create = SharedVectors.Load("rm10/sandesha1_CreateSequence_anon_wsa200408_soap11.xml").WithTo(host.Wire.Url("/echo")).WithFreshMessageId().WithAnonymousReplyTo();
        var created = await create.SendAsync(host.Wire, "/echo");
        created.AssertOk();
        Assert.Equal(create.MessageId, created.RelatesTo);
        Assert.Null(created.BodyElement!.Element(XName.Get("Accept", Ns.Rm10)));
        var id = created.BodyElement.Element(XName.Get("Identifier", Ns.Rm10))!.Value.Trim();
        var rollover = SharedVectors.Load("negative/sandesha1_MessageNumber_18446744073709551615_rollover.xml")
            .WithTo(host.Wire.Url("/echo")).WithFreshMessageId().WithAnonymousReplyTo().WithIdentifier(id);

        var response = await rollover.SendAsync(host.Wire, "/echo");

        FaultAssert.RmHeaderFault(response, Sandesha1, "MessageNumberRollover", id);
    }

    [Fact]
    public async Task MsOpenSpecs_CreateSequence_AnonymousWithOffer_IsAccepted()
    {
        await using var host = new EchoHost();
        var vector = SharedVectors.Load("ms-openspecs/wsrvcrr_4.1.1_CreateSequence_anonymous_noReplyTo_Offer.xml")
            .WithTo(host.Wire.Url("/echo")).WithFreshMessageId().WithAnonymousReplyTo();

        var response = await vector.SendAsync(host.Wire, "/echo");

        response.AssertOk();
        Assert.Equal(Ns.Rm10 + "/CreateSequenceResponse", response.Action);
        Assert.Equal(vector.MessageId, response.RelatesTo);
        var accept = response.BodyElement!.Element(XName.Get("Accept", Ns.Rm10));
        Assert.Equal(host.Wire.Url("/echo"), accept?.Element(XName.Get("AcksTo", Ns.Rm10))?.Value.Trim());
    }

    [Theory]
    [InlineData("wcf-docs/rm10_CreateSequence_Offer.xml")]
    [InlineData("wcf-docs/rm11_CreateSequence_Offer_Endpoint_ISB.xml")]
    [InlineData("rm10/sandesha2_CreateSequence_Offer_soap11_wsa10.xml")]
    public async Task CreateSequence_WithAddressableAcksTo_IsRefused(string path)
    {
        // These clients ask for acknowledgements at their own address; the server only answers on the back-channel.
        await using var host = new EchoHost();
        var vector = SharedVectors.Load(path).WithTo(host.Wire.Url("/echo")).WithFreshMessageId().WithAnonymousReplyTo();
        var rm = path.Contains("rm11", StringComparison.Ordinal) ? RmSpec.Rm11 : RmSpec.Rm10;
        var wire = new Wire(rm, vector.Soap);

        var response = await vector.SendAsync(host.Wire, "/echo");

        FaultAssert.SubcodeFault(response, wire, wire.RmName("CreateSequenceRefused"), wire.FaultAction);
    }

    [Theory]
    [InlineData("negative/sandesha1_UnknownSequence_msg5.xml", Ns.Wsa200408)]
    [InlineData("rm10/sandesha2_CreateSequence_Offer_soap11_wsa10.xml", Ns.Wsa10)]
    [InlineData("wcf-docs/rm11_CreateSequence_Offer_Endpoint_ISB.xml", Ns.Wsa10)]
    public async Task Vector_WithAddressableReplyTo_IsInvalidAddressingHeader(string path, string wsa)
    {
        await using var host = new EchoHost();
        var vector = SharedVectors.Load(path).WithTo(host.Wire.Url("/echo")).WithFreshMessageId();
        var wire = new Wire(path.Contains("rm11", StringComparison.Ordinal) ? RmSpec.Rm11 : RmSpec.Rm10, vector.Soap, Wsa2004: wsa == Ns.Wsa200408);

        var response = await vector.SendAsync(host.Wire, "/echo");

        var fault = FaultAssert.SubcodeFault(response, wire, XName.Get("InvalidAddressingHeader", wsa), wire.AddressingFaultAction);
        Assert.Equal(XName.Get("ReplyTo", wsa), FaultView.QName(fault.Detail!.Element(XName.Get("ProblemHeaderQName", wsa))!));
    }

    [Fact]
    public async Task Sandesha2_AckWithRangesAndNacks_OfTheOfferedSequence_IsInvalidAcknowledgement()
    {
        await using var host = new EchoHost();
        var wire = new Wire(RmSpec.Rm10, SoapSpec.Soap11);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "one reply");
        var vector = SharedVectors.Load("negative/sandesha2_SeqAck_ranges_AND_nacks_identifier_last_INVALID.xml")
            .WithTo(session.To).WithFreshMessageId().WithIdentifier(session.OfferId!);

        var response = await vector.SendAsync(host.Wire, "/echo");

        FaultAssert.RmHeaderFault(response, wire, "InvalidAcknowledgement", identifier: null);
        await session.EchoOkAsync(2, "still open");
    }

    [Fact]
    public async Task Sandesha2_TerminateSequenceWithMixedNamespaces_IsFaulted()
    {
        await using var host = new EchoHost();
        var vector = SharedVectors.Load("negative/sandesha2_TerminateSequence_mixed_ns_INVALID.xml").WithTo(host.Wire.Url("/echo")).WithFreshMessageId();

        var response = await vector.SendAsync(host.Wire, "/echo");

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.Status);
        Assert.NotNull(response.Fault);
        Assert.Equal(vector.MessageId, response.RelatesTo);
    }
}
