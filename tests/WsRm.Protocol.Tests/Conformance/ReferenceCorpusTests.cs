using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Conformance;

/// <summary>
/// Sweeps every positive vector: envelopes must parse (and their RM bodies with <see cref="RmBodyReader"/>), header
/// fragment files must parse once put in an envelope, and anything else must be a known non-message. New vectors
/// added to the shared folder are picked up here; the per-folder classes spot-check the values.
/// </summary>
public class ReferenceCorpusTests
{
    private static readonly string[] PositiveFolders = ["rm10", "rm11", "wcf-docs", "ms-openspecs"];

    /// <summary>Envelopes our reader refuses on purpose, with the reason (asserted in the per-folder tests).</summary>
    private static readonly Dictionary<string, string> KnownRefusals = new()
    {
        ["rm11/sandesha2_MessagePending_wsmc.xml"] = "The Sequence header has no wsrm:MessageNumber.",
    };

    /// <summary>RM bodies our body reader refuses on purpose (documentation artifacts).</summary>
    private static readonly Dictionary<string, string> KnownBodyRefusals = new()
    {
        ["wcf-docs/rm10_CreateSequenceResponse_Accept_unqualified-children_AS-DOCUMENTED.xml"] = "CreateSequenceResponse has no wsrm:Identifier.",
    };

    /// <summary>Files that are not SOAP messages at all.</summary>
    private static readonly HashSet<string> NotMessages =
    [
        "rm11/metro_TerminateSequence_element.xml",
        "wcf-docs/rm10_policy_RMAssertion.xml",
        "wcf-docs/rm11_policy_RMAssertion.xml",
    ];

    private static readonly Dictionary<string, SequenceControlKind> ControlBodies = new()
    {
        ["CloseSequence"] = SequenceControlKind.CloseSequence,
        ["CloseSequenceResponse"] = SequenceControlKind.CloseSequenceResponse,
        ["TerminateSequence"] = SequenceControlKind.TerminateSequence,
        ["TerminateSequenceResponse"] = SequenceControlKind.TerminateSequenceResponse,
    };

    private static string RootName(string file)
    {
        using var reader = XmlReader.Create(ReferenceVectors.PathOf(file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        reader.MoveToContent();
        return reader.LocalName;
    }

    [Fact]
    public void ReferenceFolder_IsFoundBesideTheRepository()
    {
        Assert.True(Directory.Exists(ReferenceVectors.MessagesDirectory));
        Assert.All(PositiveFolders, f => Assert.NotEmpty(ReferenceVectors.List(f)));
    }

    [Fact]
    public void EveryPositiveVector_ParsesOrIsAKnownNonMessage()
    {
        var failures = new List<string>();
        var envelopes = 0;
        var rmBodies = 0;
        foreach (var file in PositiveFolders.SelectMany(ReferenceVectors.List))
        {
            var root = RootName(file);
            try
            {
                if (root == "Envelope")
                {
                    envelopes++;
                    if (KnownRefusals.TryGetValue(file, out var reason))
                    {
                        var e = Assert.Throws<SoapParseException>(() => ReferenceVectors.Read(file));
                        Assert.Equal(reason, e.Message);
                        continue;
                    }
                    var message = ReferenceVectors.Read(file);
                    if (ReadRmBody(file, message)) rmBodies++;
                }
                else if (root == "fragments")
                {
                    var fragments = ReferenceVectors.Load(file).Root!;
                    var headers = string.Concat(fragments.Elements().Select(e => e.ToString()));
                    var message = TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, ""));
                    Assert.NotNull(message.RmVersion);
                }
                else
                {
                    Assert.True(NotMessages.Contains(file), $"root <{root}> is neither an envelope nor header fragments");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{file}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.True(envelopes >= 25, $"only {envelopes} envelopes found");
        Assert.True(rmBodies >= 10, $"only {rmBodies} RM bodies read");
    }

    /// <summary>Reads the body with <see cref="RmBodyReader"/> when it is a WS-RM protocol body; true when it was one.</summary>
    private static bool ReadRmBody(string file, SoapMessage message)
    {
        if (message.BodyElement is not { } body || RmVersion.FromNamespace(body.Namespace) is null) return false;
        Action read = body.Name switch
        {
            "CreateSequence" => () => ReferenceVectors.ReadCreateSequence(message),
            "CreateSequenceResponse" => () => ReferenceVectors.ReadCreateSequenceResponse(message),
            _ when ControlBodies.TryGetValue(body.Name, out var kind) => () => ReferenceVectors.ReadSequenceControl(message, kind),
            _ => () => { },
        };
        if (KnownBodyRefusals.TryGetValue(file, out var reason))
            Assert.Equal(reason, Assert.Throws<SoapParseException>(read).Message);
        else
            read();
        return true;
    }
}
