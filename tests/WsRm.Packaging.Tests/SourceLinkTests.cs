using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text.Json;

namespace WsRm.Packaging.Tests;

/// <summary>
/// With WsRmRepositoryUrl set (here a made-up GitHub address: the repository has no public one yet), a package names
/// the repository and the commit, and the PDB in its .snupkg maps every source file to that commit on GitHub. Packed
/// as .ci/run does (Release, ContinuousIntegrationBuild), into a scratch artifacts path so the repository's own
/// bin/ and obj/ stay untouched.
/// </summary>
public sealed class SourceLinkTests
{
    private const string Url = "https://github.com/wsrm-test/wsrm";
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public async Task WithARepositoryUrlThePackageNamesTheCommitAndThePdbMapsTheSourcesToIt()
    {
        var work = Directory.CreateTempSubdirectory("wsrm-sourcelink-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            await Dotnet.SucceedAsync(Repository.Root,
                ["pack", Path.Combine(Repository.Root, "src", "WsRm.Protocol", "WsRm.Protocol.csproj"), "-c", "Release", "--disable-build-servers",
                 "--artifacts-path", Path.Combine(work, "artifacts"), "-o", feed, $"-p:WsRmRepositoryUrl={Url}", "-p:ContinuousIntegrationBuild=true"],
                PackageFeed.PackTimeout);
            var commit = (await Git("rev-parse", "HEAD")).Trim();

            var package = Package.Read(Directory.EnumerateFiles(feed, "WsRm.Protocol.*.nupkg").Single());
            var repository = package.Element("repository")!;
            Assert.Equal(Url, (string?)repository.Attribute("url"));
            Assert.Equal("git", (string?)repository.Attribute("type"));
            Assert.Equal(commit, (string?)repository.Attribute("commit"));

            using var symbols = ZipFile.OpenRead(Directory.EnumerateFiles(feed, "WsRm.Protocol.*.snupkg").Single());
            using var pdb = new MemoryStream();
            using (var entry = symbols.Entries.Single(e => e.FullName.EndsWith("/WsRm.Protocol.pdb", StringComparison.Ordinal)).Open())
                await entry.CopyToAsync(pdb);
            pdb.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
            var reader = provider.GetMetadataReader();
            var sourceLink = reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation)
                .Single(i => reader.GetGuid(i.Kind) == SourceLinkKind);
            using var json = JsonDocument.Parse(reader.GetBlobBytes(sourceLink.Value));
            var documents = json.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            Assert.Equal(new Dictionary<string, string?> { ["/_/*"] = $"https://raw.githubusercontent.com/wsrm-test/wsrm/{commit}/*" }, documents);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // The system cleans its temporary directory.
            }
        }
    }

    private static async Task<string> Git(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
