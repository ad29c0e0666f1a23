using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The captured gSOAP requests edited into the other shapes of the same kind: what the RM version does not define
/// (other namespaces, the other version's elements, attributes, white space as CDATA, comments, PIs) is ignored on the
/// wire; what the version requires, missing or malformed, is still refused.
/// </summary>
public sealed partial class GsoapVariantTests
{
    private const string Rm11Endpoint = "<wsrm:Endpoint>\n\t\t\t\t\t<wsa5:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa5:Address>\n\t\t\t\t</wsrm:Endpoint>";

    public static TheoryData<string, string> Rm10CreateSequenceVariants => new()
    {
        { "as captured: Endpoint with an empty wsa:Address, IncompleteSequenceBehavior", "" },
        { "no Endpoint", "drop-endpoint" },
        { "Endpoint without children", "empty-endpoint" },
        { "IncompleteSequenceBehavior no version defines", "bogus-behavior" },
        { "comments, PIs and white-space CDATA between all children", "fillers" },
        { "extensions with attributes in CreateSequence, AcksTo, Offer", "extensions" },
        { "a WS-RM 1.1 Offer beside the 1.0 one", "other-version" },
    };

    [Theory, MemberData(nameof(Rm10CreateSequenceVariants))]
    public async Task Rm10CreateSequence_WhatRm10DoesNotDefine_IsIgnored_AndTheOfferAccepted(string because, string edit)
    {
        Assert.NotNull(because);
        await using var host = new EchoHost();
        var create = GsoapVectors.Load(GsoapVectors.Rm10Soap11, "01-CreateSequence").WithBody(b => Edit(b, edit));

        var response = await create.SendAsync(host.Wire);

        response.AssertOk();
        Assert.Equal(XName.Get("CreateSequenceResponse", Ns.Rm10), response.BodyElement!.Name);
        Assert.NotNull(response.BodyElement.Element(XName.Get("Accept", Ns.Rm10)));
    }

    [Theory]
    [InlineData("<wsrm:Endpoint>\n\t\t\t\t\t<wsa5:Address/>\n\t\t\t\t</wsrm:Endpoint>", "Endpoint has no wsa:Address.")]
    [InlineData("", "wsrm:Offer has no wsrm:Endpoint (required by WS-RM 1.1).")]
    public async Task Rm11CreateSequence_OfferWithoutUsableEndpoint_IsStillRefused(string endpoint, string reason)
    {
        await using var host = new EchoHost();
        var create = GsoapVectors.Load(GsoapVectors.Rm11Soap11, "01-CreateSequence").WithBody(b => Replace(b, Rm11Endpoint, endpoint));

        var response = await create.SendAsync(host.Wire);

        var fault = FaultAssert.SubcodeFault(response, new Wire(RmSpec.Rm11, SoapSpec.Soap11), XName.Get("CreateSequenceRefused", Ns.Rm11), action: null);
        Assert.EndsWith(reason, fault.Reason);
    }

    public static TheoryData<string, string> PostVariants => new()
    {
        { GsoapVectors.Rm10Soap11, "fillers" },
        { GsoapVectors.Rm10Soap11, "header-extensions" },
        { GsoapVectors.Rm10Soap11, "ackrequested-undefined-number" },
        { GsoapVectors.Rm11Soap12, "fillers" },
        { GsoapVectors.Rm11Soap12, "header-extensions" },
        { GsoapVectors.Rm11Soap12, "ackrequested-undefined-number" },
    };

    [Theory, MemberData(nameof(PostVariants))]
    public async Task Post_WhatTheVersionDoesNotDefine_IsIgnored_AcknowledgedAndDelivered(string set, string edit)
    {
        await using var host = new EchoHost();
        var conversation = GsoapVectors.Conversation(set);
        var id = await GsoapVectorTests.CreateAsync(host, conversation[0]);
        var post = conversation[1].Replacing(GsoapVectors.CapturedSequenceId(conversation), id).WithBody(b => Edit(b, edit));

        var response = await post.SendAsync(host.Wire);

        response.AssertOk();
        Assert.Equal("1-1", response.AckFor(id).RangeText);
        // Acknowledged on receipt, delivered after: a request on the same (ordered) sequence answers once it ran.
        Assert.Single(await GsoapVectorTests.ReceivedAfterAsync(host, set, id, $"capture-{set}-post-1"));
    }

    [Theory]
    [InlineData(GsoapVectors.Rm10Soap11, "drop-sequence-identifier")]
    [InlineData(GsoapVectors.Rm11Soap12, "drop-sequence-identifier")]
    [InlineData(GsoapVectors.Rm10Soap11, "bad-message-number")]
    [InlineData(GsoapVectors.Rm11Soap12, "bad-message-number")]
    [InlineData(GsoapVectors.Rm10Soap11, "text-in-sequence")]
    public async Task Post_WhatTheVersionRequires_MissingOrMalformed_IsStillAFaultAndNotDelivered(string set, string edit)
    {
        await using var host = new EchoHost();
        var conversation = GsoapVectors.Conversation(set);
        var id = await GsoapVectorTests.CreateAsync(host, conversation[0]);
        var post = conversation[1].Replacing(GsoapVectors.CapturedSequenceId(conversation), id).WithBody(b => Edit(b, edit));

        var response = await post.SendAsync(host.Wire);

        FaultAssert.SoapFault(response, set.EndsWith("soap12", StringComparison.Ordinal) ? SoapSpec.Soap12 : SoapSpec.Soap11, "Sender", "Client");
        Assert.Empty(host.Services.GetRequiredService<IPostedTexts>().StartingWith($"capture-{set}-post-1"));
    }

    private static string Edit(string body, string edit) => edit switch
    {
        "" => body,
        "drop-endpoint" => DropElement(body, "wsrm:Endpoint"),
        "empty-endpoint" => Replace(body, "<wsrm:Endpoint>\n\t\t\t\t\t<wsa5:Address/>\n\t\t\t\t</wsrm:Endpoint>", "<wsrm:Endpoint/>"),
        "bogus-behavior" => Replace(body, ">DiscardEntireSequence<", ">DiscardWhenever<"),
        // Every indented tag of the header and the body gets a comment, a PI and white space in CDATA before it.
        "fillers" => body.Replace("\t\t<", "\t\t<!-- gsoap --><?gsoap pi?><![CDATA[ \t]]><", StringComparison.Ordinal),
        "extensions" => Replace(Replace(Replace(body,
                "<wsrm:CreateSequence>", "<wsrm:CreateSequence xmlns:x=\"urn:x\" x:a=\"1\"><x:Ext x:b=\"2\"><wsrm:AcksTo/></x:Ext>"),
                "</wsrm:AcksTo>", "<x:Ext/></wsrm:AcksTo>"),
                "<wsrm:Offer>", "<wsrm:Offer x:c=\"3\"><x:Ext><wsrm:Identifier>urn:not-the-offer</wsrm:Identifier></x:Ext>"),
        "other-version" => Replace(body, "</wsrm:CreateSequence>",
            $"<o:Offer xmlns:o=\"{Ns.Rm11}\"><o:Identifier>urn:other</o:Identifier><o:Endpoint/></o:Offer></wsrm:CreateSequence>"),
        "header-extensions" => Replace(Replace(body,
                "<wsrm:Sequence>", "<wsrm:Sequence xmlns:x=\"urn:x\" x:a=\"1\"><x:Ext><wsrm:MessageNumber>99</wsrm:MessageNumber></x:Ext>"),
                "</wsrm:AckRequested>", "<x:Ext xmlns:x=\"urn:x\" x:b=\"2\"/></wsrm:AckRequested>"),
        // AckRequested's MessageNumber is no version's (1.0 has MaxMessageNumberUsed, 1.1 nothing): ignored, even malformed.
        "ackrequested-undefined-number" => Replace(body, "</wsrm:AckRequested>", "<wsrm:MessageNumber>last</wsrm:MessageNumber></wsrm:AckRequested>"),
        "drop-sequence-identifier" => Replace(body, SequenceIdentifier().Match(body).Value, "<wsrm:Sequence>"),
        "bad-message-number" => Replace(body, "<wsrm:MessageNumber>1</wsrm:MessageNumber>", "<wsrm:MessageNumber>one</wsrm:MessageNumber>"),
        "text-in-sequence" => Replace(body, "<wsrm:MessageNumber>1</wsrm:MessageNumber>", "<wsrm:MessageNumber>1</wsrm:MessageNumber>one"),
        _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
    };

    private static string Replace(string body, string from, string to)
    {
        Assert.Contains(from, body);
        return body.Replace(from, to, StringComparison.Ordinal);
    }

    private static string DropElement(string body, string qname)
    {
        var start = body.IndexOf("<" + qname, StringComparison.Ordinal);
        var end = body.IndexOf("</" + qname + ">", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{qname} not in the vector");
        return body[..start] + body[(end + qname.Length + 3)..];
    }

    [GeneratedRegex(@"<wsrm:Sequence>\s*<wsrm:Identifier>[^<]*</wsrm:Identifier>")]
    private static partial Regex SequenceIdentifier();
}
