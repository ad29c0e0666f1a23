using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The shared WS-RM reference vectors (<c>shared/reference/wsrm/messages</c>, a sibling of the repository clone) made
/// sendable as the shared README says: wsa:To set to the server, a fresh wsa:MessageID, and, unless the test needs an
/// unknown one, the sequence identifier the server issued. Tests that look past the addressing checks also make
/// ReplyTo/FaultTo anonymous (the server answers on the HTTP response only).
/// </summary>
internal static class SharedVectors
{
    private static readonly Lazy<string> MessagesDirectory = new(Locate);

    /// <summary>Loads a vector by its path under <c>messages/</c>, e.g. <c>negative/sandesha1_UnknownSequence_msg5.xml</c>.</summary>
    public static Vector Load(string relativePath)
    {
        var path = Path.Combine(MessagesDirectory.Value, relativePath);
        Assert.True(File.Exists(path), $"Shared vector not found: {path}");
        return new Vector(XDocument.Load(path, LoadOptions.PreserveWhitespace));
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "WsRm.sln"))) continue;
            var messages = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "reference", "wsrm", "messages");
            Assert.True(Directory.Exists(messages), $"The shared reference material is expected beside the repository: {messages}");
            return messages;
        }
        throw new Xunit.Sdk.XunitException($"No WsRm.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>One vector, edited in place before sending.</summary>
    internal sealed class Vector(XDocument document)
    {
        public XElement Envelope => document.Root!;

        public SoapSpec Soap => Envelope.Name.NamespaceName == Ns.Soap12 ? SoapSpec.Soap12 : SoapSpec.Soap11;

        private XElement Header => Envelope.Element(Envelope.Name.Namespace + "Header")!;

        private XElement? Addressing(string name) =>
            Header.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.NamespaceName is Ns.Wsa10 or Ns.Wsa200408);

        public string? Action => Addressing("Action")?.Value.Trim();

        public string? MessageId => Addressing("MessageID")?.Value.Trim();

        public Vector WithTo(string url)
        {
            Addressing("To")?.SetValue(url);
            return this;
        }

        public Vector WithFreshMessageId()
        {
            Addressing("MessageID")?.SetValue(Harness.Envelope.NewId());
            return this;
        }

        /// <summary>
        /// Points wsa:ReplyTo and wsa:FaultTo at the anonymous address of the vector's WS-Addressing version: the server
        /// answers only on the HTTP response, and refuses addressable ones with InvalidAddressingHeader before any RM check.
        /// </summary>
        public Vector WithAnonymousReplyTo()
        {
            foreach (var name in (string[])["ReplyTo", "FaultTo"])
            {
                if (Addressing(name) is not { } epr) continue;
                var wsa = epr.Name.Namespace;
                epr.Element(wsa + "Address")?.SetValue(wsa == Ns.Wsa10 ? Ns.Wsa10 + "/anonymous" : Ns.Wsa200408 + "/role/anonymous");
            }
            return this;
        }

        /// <summary>Replaces wsrm:Identifier in Sequence, AckRequested and SequenceAcknowledgement headers and in Close/Terminate bodies.</summary>
        public Vector WithIdentifier(string id)
        {
            foreach (var e in document.Descendants().Where(e => e.Name.LocalName == "Identifier" && e.Name.NamespaceName is Ns.Rm10 or Ns.Rm11
                         && e.Parent?.Name.LocalName is "Sequence" or "AckRequested" or "SequenceAcknowledgement" or "CloseSequence" or "TerminateSequence"))
                e.SetValue(id);
            return this;
        }

        public Task<WireResponse> SendAsync(WireClient client, string path) =>
            client.SendAsync(path, Soap, document.Declaration + document.Root!.ToString(SaveOptions.DisableFormatting), Action);
    }
}
