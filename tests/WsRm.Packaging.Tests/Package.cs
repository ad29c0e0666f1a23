using System.IO.Compression;
using System.Xml.Linq;

namespace WsRm.Packaging.Tests;

/// <summary>A .nupkg read back: its nuspec's metadata and the files it holds.</summary>
public sealed class Package
{
    private Package(string path, XElement metadata, IReadOnlyList<string> files)
    {
        Path = path;
        Metadata = metadata;
        Files = files;
    }

    /// <summary>The .nupkg file.</summary>
    public string Path { get; }

    /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
    public XElement Metadata { get; }

    /// <summary>The paths of the files in the package.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>&lt;id&gt;.</summary>
    public string Id => Value("id")!;

    /// <summary>&lt;version&gt;.</summary>
    public string Version => Value("version")!;

    /// <summary>The text of the metadata element named <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => Element(name)?.Value;

    /// <summary>The metadata element named <paramref name="name"/> (any namespace), or null.</summary>
    public XElement? Element(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>Every &lt;dependency&gt; of every group: (id, version range as written).</summary>
    public IEnumerable<(string Id, string Version)> Dependencies =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!));

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static Package Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new Package(path, metadata, [.. zip.Entries.Select(e => e.FullName)]);
    }
}
