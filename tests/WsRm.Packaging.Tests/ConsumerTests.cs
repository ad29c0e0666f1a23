using System.Text.Json;

namespace WsRm.Packaging.Tests;

/// <summary>
/// A new project, outside the repository (so none of its build files apply), installs WsRm.Server, WsRm.Client and
/// WsRm.Storage.Sqlite from the local feed with <c>dotnet add package</c>, as the README's Install section says, builds
/// with warnings as errors and runs: it hosts a reliable and a durable endpoint and calls each over a reliable session.
/// The feed is added to the machine's package sources (nuget.org as configured here, for the packages' own
/// dependencies); packages restore into a folder of the test's own, the machine's cache serving as a read-only
/// fallback, and the test checks that the WsRm ones came from the feed.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConsumerTests(PackageFeed feed)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ANewProjectInstallsThePackagesThenHostsAndCallsReliableEndpoints()
    {
        var work = Directory.CreateTempSubdirectory("wsrm-consumer-").FullName;
        try
        {
            var project = Path.Combine(work, "Consumer");
            Directory.CreateDirectory(project);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Consumer")))
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
            // Stops MSBuild's search upwards for build files (none is expected in a temporary directory, but a machine may have one).
            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />");
            var packages = Path.Combine(work, "packages");
            File.WriteAllText(Path.Combine(work, "nuget.config"), NuGetConfig(feed.Installed, packages));

            string[] installed = ["WsRm.Server", "WsRm.Client", "WsRm.Storage.Sqlite"];
            foreach (var id in installed)
                await Dotnet.SucceedAsync(project, ["add", "package", id, "--version", feed.InstalledVersion(id)], StepTimeout);
            await Dotnet.SucceedAsync(project, ["build", "--disable-build-servers", "-c", "Release"], StepTimeout);
            var run = await Dotnet.SucceedAsync(project, ["run", "--no-build", "-c", "Release", "--", Path.Combine(work, "consumer.db")], StepTimeout);

            Assert.Contains("/greet: hello, packages", run);
            Assert.Contains("/durable/greet: hello, packages", run);
            Assert.True(File.Exists(Path.Combine(work, "consumer.db")), "the durable endpoint's SQLite store");
            foreach (var id in installed.Append("WsRm.Protocol").Append("WsRm.Storage"))
                Assert.Equal(Path.TrimEndingDirectorySeparator(feed.Installed), Path.TrimEndingDirectorySeparator(RestoredFrom(packages, id, feed.InstalledVersion(id))));
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

    /// <summary>
    /// The feed on top of the machine's sources (no &lt;clear/&gt;: nuget.org as configured here), restores into
    /// <paramref name="packages"/>, the machine's cache a fallback for the rest.
    /// </summary>
    private static string NuGetConfig(string feed, string packages)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <packageSources>
                <add key="wsrm-local" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{cache}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }

    /// <summary>The source NuGet recorded for a package it restored into <paramref name="packages"/>.</summary>
    private static string RestoredFrom(string packages, string id, string version)
    {
        var metadata = Path.Combine(packages, id.ToLowerInvariant(), version.ToLowerInvariant(), ".nupkg.metadata");
        Assert.True(File.Exists(metadata), $"{id} {version} was not restored from the feed into {packages} (taken from the machine's cache?)");
        using var json = JsonDocument.Parse(File.ReadAllText(metadata));
        return json.RootElement.GetProperty("source").GetString()!;
    }
}
