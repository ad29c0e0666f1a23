using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// gSOAP 2.8's WS-RM client, replayed from what it really sent (<see cref="GsoapVectors"/>): indented XML with an XML
/// declaration and namespaces it never uses, a 1.0 Offer with 1.1's Endpoint (empty wsa:Address) and
/// IncompleteSequenceBehavior, AckRequested and wsa:MessageID on every message, no mustUnderstand on Sequence,
/// Connection: close and SOAPAction on every request.
/// </summary>
public sealed class GsoapVectorTests
{
    public static TheoryData<string> Sets => [GsoapVectors.Rm10Soap11, GsoapVectors.Rm10Soap12, GsoapVectors.Rm11Soap11, GsoapVectors.Rm11Soap12];

    private static string Text(GsoapVector v) => v.Envelope.Descendants(XName.Get("text", Ns.Samples)).Single().Value;

    [Theory, MemberData(nameof(Sets))]
    public async Task Conversation_AsGsoapSentIt_EveryMessageIsAnsweredAndDeliveredOnceInOrder(string set)
    {
        await using var host = new EchoHost();
        var conversation = GsoapVectors.Conversation(set);
        var captured = GsoapVectors.CapturedSequenceId(conversation);
        var offered = GsoapVectors.OfferedId(conversation[0]);
        var rmNs = set.StartsWith("rm11", StringComparison.Ordinal) ? Ns.Rm11 : Ns.Rm10;
        var id = "";
        ulong number = 0, replies = 0;
        var posted = new List<string>();

        foreach (var vector in conversation)
        {
            var response = await vector.Replacing(captured, id.Length == 0 ? captured : id).SendAsync(host.Wire);
            response.AssertOk();
            var kind = vector.Name[3..];
            if (kind == "CreateSequence")
            {
                Assert.Equal(XName.Get("CreateSequenceResponse", rmNs), response.BodyElement!.Name);
                Assert.NotNull(response.BodyElement.Element(XName.Get("Accept", rmNs)));
                id = response.BodyElement.Element(XName.Get("Identifier", rmNs))!.Value.Trim();
                continue;
            }
            if (kind is "Post" or "Echo" or "Received" or "LastMessage") number++;
            switch (kind)
            {
                case "Post":
                    posted.Add(Text(vector));
                    Assert.Equal($"1-{number}", response.AckFor(id).RangeText);
                    break;
                case "Echo":
                    Assert.Equal(Text(vector), response.BodyElement!.Element(XName.Get("EchoResult", Ns.Samples))?.Value);
                    Assert.Equal((offered, ++replies), (response.Sequence!.Identifier, response.Sequence.MessageNumber));
                    Assert.Equal($"1-{number}", response.AckFor(id).RangeText);
                    break;
                case "Received":
                    Assert.Equal(posted, response.BodyElement!.Descendants(XName.Get("string", Ns.Arrays)).Select(e => e.Value));
                    break;
                case "LastMessage":
                    Assert.Equal($"1-{number}", response.AckFor(id).RangeText);
                    break;
                case "CloseSequence":
                    Assert.Equal(XName.Get("CloseSequenceResponse", rmNs), response.BodyElement!.Name);
                    Assert.True(response.AckFor(id).Final);
                    Assert.Equal($"1-{number}", response.AckFor(id).RangeText);
                    break;
                case "TerminateSequence":
                    Assert.Equal($"1-{number}", response.AckFor(id).RangeText);
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"Unexpected vector {vector.Name}.");
            }
        }

        Assert.Equal(2, posted.Count);
        Assert.Equal(posted, host.Services.GetRequiredService<IPostedTexts>().StartingWith(posted[0][..^1]));
    }

    [Theory]
    [InlineData(GsoapVectors.Rm10Soap11)]
    [InlineData(GsoapVectors.Rm11Soap12)]
    public async Task Post_SentTwiceAsGsoapRetriesIt_IsAcknowledgedTwiceAndDeliveredOnce(string set)
    {
        await using var host = new EchoHost();
        var conversation = GsoapVectors.Conversation(set);
        var id = await CreateAsync(host, conversation[0]);
        var post = conversation[1].Replacing(GsoapVectors.CapturedSequenceId(conversation), id);

        var first = await post.SendAsync(host.Wire);
        var again = await post.SendAsync(host.Wire);

        Assert.Equal("1-1", first.AckFor(id).RangeText);
        Assert.Equal("1-1", again.AckFor(id).RangeText);
        Assert.Equal([Text(post)], await ReceivedAfterAsync(host, set, id, Text(post)));
    }

    // The texts posted with prefix, asked by a Received request sent as message 2 of the sequence in the set's versions:
    // one-way messages are acknowledged on receipt and delivered after, and this request answers once they ran.
    internal static async Task<string[]> ReceivedAfterAsync(EchoHost host, string set, string id, string prefix)
    {
        var wire = new Wire(set.StartsWith("rm11", StringComparison.Ordinal) ? RmSpec.Rm11 : RmSpec.Rm10,
            set.EndsWith("soap12", StringComparison.Ordinal) ? SoapSpec.Soap12 : SoapSpec.Soap11);
        return await RmSession.Attach(host.Wire, wire, "/echo", id).ReceivedAsync(2, prefix);
    }

    internal static async Task<string> CreateAsync(EchoHost host, GsoapVector createSequence)
    {
        var created = await createSequence.SendAsync(host.Wire);
        created.AssertOk();
        return created.BodyElement!.Elements().First(e => e.Name.LocalName == "Identifier").Value.Trim();
    }
}
