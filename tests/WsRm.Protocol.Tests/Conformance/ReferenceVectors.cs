using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Protocol.Tests.Conformance;

/// <summary>
/// The shared WS-RM reference vectors (<c>shared/reference/wsrm/messages</c>). CI runs on a clean clone with
/// <c>../shared</c> beside the repository, so the folder is found by walking up from the test binaries.
/// </summary>
internal static class ReferenceVectors
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The <c>messages</c> folder.</summary>
    public static string MessagesDirectory => Path.Combine(Root.Value, "messages");

    /// <summary>Full path of a vector given relative to <c>messages/</c>, e.g. <c>rm10/cxf_Sequence_msg1_soap11.xml</c>.</summary>
    public static string PathOf(string relative)
    {
        var path = Path.Combine(MessagesDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
        Assert.True(File.Exists(path), $"reference vector {relative} is missing from {MessagesDirectory}");
        return path;
    }

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    /// <summary>The vector read with <see cref="EnvelopeReader"/>.</summary>
    public static SoapMessage Read(string relative) => EnvelopeReader.Read(Bytes(relative));

    /// <summary>The vector as a DOM (DTDs prohibited as in the product).</summary>
    public static XDocument Load(string relative)
    {
        using var reader = XmlReader.Create(PathOf(relative), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    /// <summary>Vectors under <paramref name="folder"/>, relative to <c>messages/</c>, with forward slashes, sorted.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Directory.GetFiles(Path.Combine(MessagesDirectory, folder), "*.xml")
            .Select(p => folder + "/" + Path.GetFileName(p))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads the body of <paramref name="message"/> with <paramref name="read"/>, the reader on the first body child.</summary>
    public static T ReadBody<T>(SoapMessage message, Func<XmlReader, RmVersion, AddressingVersion, T> read)
    {
        var rm = RmVersion.FromNamespace(message.BodyElement?.Namespace) ?? RmVersion.FromAction(message.Action)
            ?? throw new InvalidOperationException("the body is not a WS-RM element");
        using var body = message.CreateBodyReader();
        return read(body, rm, message.Addressing.Version ?? AddressingVersion.WsAddressing10);
    }

    public static CreateSequence ReadCreateSequence(SoapMessage m) => ReadBody(m, RmBodyReader.ReadCreateSequence);

    public static CreateSequenceResponse ReadCreateSequenceResponse(SoapMessage m) => ReadBody(m, RmBodyReader.ReadCreateSequenceResponse);

    public static SequenceControl ReadSequenceControl(SoapMessage m, SequenceControlKind kind) =>
        ReadBody(m, (r, rm, _) => RmBodyReader.ReadSequenceControl(r, rm, kind));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "wsrm");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/reference/wsrm was not found in any parent of {AppContext.BaseDirectory}; check out 'shared' beside the repository.");
    }
}
