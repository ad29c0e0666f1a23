namespace WsRm.Packaging.Tests;

/// <summary>What is packable, and what each package says about itself and needs.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageMetadataTests(PackageFeed feed)
{
    /// <summary>
    /// The libraries a team installs, and the stores: WsRm.Server and WsRm.Client depend on WsRm.Storage, so without it
    /// their packages would not restore, and the durable features need a store. WsRm.Cli: the wsrm tool the README
    /// installs with dotnet tool install.
    /// </summary>
    public static readonly string[] Packable =
        ["WsRm.Cli", "WsRm.Client", "WsRm.Protocol", "WsRm.Server", "WsRm.Storage", "WsRm.Storage.PostgreSql", "WsRm.Storage.Sqlite"];

    public static TheoryData<string> Packages => new(Packable);

    [Fact]
    public void NothingElseInTheSolutionIsPackable()
    {
        Assert.Equal(Packable, PackageFeed.In(feed.Packed).Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Packable, PackageFeed.In(feed.Installed).Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EachPackageDescribesItselfAndCarriesItsLicenceReadmeAndSymbols(string id)
    {
        var package = PackageFeed.In(feed.Installed).Single(p => p.Id == id);

        var description = package.Value("description");
        Assert.False(string.IsNullOrWhiteSpace(description) || description == "Package Description", $"{id}: description '{description}'");
        Assert.Contains("wsrm", package.Value("tags")!.Split(' '));
        Assert.Equal("WsRm contributors", package.Value("authors"));
        Assert.Equal("MIT", package.Value("license"));
        Assert.Equal("expression", (string?)package.Element("license")!.Attribute("type"));
        Assert.Equal("README.md", package.Value("readme"));
        Assert.Contains("README.md", package.Files);
        Assert.Contains("LICENSE", package.Files);

        var symbols = Path.ChangeExtension(package.Path, ".snupkg");
        Assert.True(File.Exists(symbols), $"{id}: no {Path.GetFileName(symbols)}");
        Assert.Contains(Package.Read(symbols).Files, f => f.EndsWith($"/{id}.pdb", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryWsRmDependencyIsAPackageOfTheSameFeed(string id)
    {
        var packages = PackageFeed.In(feed.Installed);
        var package = packages.Single(p => p.Id == id);

        foreach (var (dependency, version) in package.Dependencies.Where(d => d.Id.StartsWith("WsRm.", StringComparison.Ordinal)))
            Assert.True(packages.Any(p => p.Id == dependency && p.Version == version), $"{id} depends on {dependency} {version}, which the feed does not have");
    }
}
