using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The conversations gSOAP 2.8's WS-RM client (Debian's gsoap/libgsoap-dev, built from interop/gsoap) sent to WsRm.Host,
/// in <c>Harness/Gsoap/{rm10,rm11}-{soap11,soap12}/NN-Action.{http,xml}</c>: CreateSequence with an Offer, two
/// one-way Post, two Echo, Received, then LastMessage (1.0) or CloseSequence (1.1), and TerminateSequence.
/// </summary>
internal static class GsoapVectors
{
    public const string Rm10Soap11 = "rm10-soap11";
    public const string Rm10Soap12 = "rm10-soap12";
    public const string Rm11Soap11 = "rm11-soap11";
    public const string Rm11Soap12 = "rm11-soap12";

    private static readonly Lazy<string> Directory = new(Locate);

    /// <summary>The requests of one conversation, in the order gSOAP sent them.</summary>
    public static IReadOnlyList<GsoapVector> Conversation(string set)
    {
        var folder = Path.Combine(Directory.Value, set);
        Assert.True(System.IO.Directory.Exists(folder), $"gSOAP vectors not found: {folder}");
        return System.IO.Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).Select(Load).ToList();
    }

    /// <summary>The request of <paramref name="set"/> whose file name ends with <paramref name="name"/> (e.g. "02-Post").</summary>
    public static GsoapVector Load(string set, string name) => Conversation(set).Single(v => v.Name == name);

    /// <summary>The sequence identifier the capturing server had issued (in the first Sequence header).</summary>
    public static string CapturedSequenceId(IReadOnlyList<GsoapVector> conversation) =>
        conversation.Select(v => v.Envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == "Sequence"))
            .First(e => e is not null)!.Elements().First(e => e.Name.LocalName == "Identifier").Value.Trim();

    /// <summary>The identifier gSOAP offered for the reply sequence.</summary>
    public static string OfferedId(GsoapVector createSequence) =>
        createSequence.Envelope.Descendants().First(e => e.Name.LocalName == "Offer").Elements().First(e => e.Name.LocalName == "Identifier").Value.Trim();

    private static GsoapVector Load(string xmlPath)
    {
        var headers = File.ReadAllLines(Path.ChangeExtension(xmlPath, ".http"))
            .Skip(1) // the request line
            .Where(l => l.Contains(':'))
            .Select(l => (l[..l.IndexOf(':')].Trim(), l[(l.IndexOf(':') + 1)..].Trim()))
            .ToList();
        return new GsoapVector(Path.GetFileNameWithoutExtension(xmlPath), headers, File.ReadAllText(xmlPath));
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WsRm.sln")))
                return Path.Combine(dir.FullName, "tests", "WsRm.Server.Tests", "Harness", "Gsoap");
        }
        throw new Xunit.Sdk.XunitException($"No WsRm.sln above {AppContext.BaseDirectory}.");
    }
}
