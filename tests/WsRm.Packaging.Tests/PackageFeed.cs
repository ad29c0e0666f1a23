namespace WsRm.Packaging.Tests;

/// <summary>
/// The packages under test. <see cref="Packed"/>: every packable project of WsRm.sln, packed by the tests from the
/// build (<c>dotnet pack WsRm.sln --no-build</c>) with a version of their own, so that no copy cached by an earlier run
/// can stand in for them. <see cref="Installed"/>: the feed the new project installs from, .ci/run's artifacts/packages
/// when WSRM_TEST_PACKAGES names it (the packages CI makes), else the same as <see cref="Packed"/>.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    /// <summary>How long packing may take on a loaded machine.</summary>
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    private readonly string _scratch = Directory.CreateTempSubdirectory("wsrm-packages-").FullName;

    /// <summary>The folder the tests packed into.</summary>
    public string Packed => Path.Combine(_scratch, "feed");

    /// <summary>The version the tests packed with.</summary>
    public string PackedVersion { get; } = $"0.1.0-test.t{Guid.NewGuid():N}"[..30];

    /// <summary>The feed a new project installs from.</summary>
    public string Installed { get; private set; } = "";

    /// <summary>True when <see cref="Installed"/> is .ci/run's folder.</summary>
    public bool FromCi { get; private set; }

    /// <summary>Every package in <paramref name="folder"/>, read back.</summary>
    public static IReadOnlyList<Package> In(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.nupkg").OrderBy(p => p, StringComparer.Ordinal).Select(Package.Read)];

    /// <summary>The version of <paramref name="id"/> in <see cref="Installed"/>.</summary>
    public string InstalledVersion(string id) => In(Installed).Single(p => p.Id == id).Version;

    public async Task InitializeAsync()
    {
        await Dotnet.SucceedAsync(Repository.Root,
            ["pack", Path.Combine(Repository.Root, "WsRm.sln"), "--no-build", "-c", Repository.Configuration, "-o", Packed, $"-p:Version={PackedVersion}"],
            PackTimeout);
        var ci = Environment.GetEnvironmentVariable("WSRM_TEST_PACKAGES");
        FromCi = !string.IsNullOrEmpty(ci);
        Installed = FromCi ? ci! : Packed;
        if (FromCi && !Directory.EnumerateFiles(Installed, "*.nupkg").Any())
            throw new InvalidOperationException($"WSRM_TEST_PACKAGES names {Installed}, which holds no package: .ci/run packs into it first.");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // The system cleans its temporary directory.
        }
        return Task.CompletedTask;
    }
}
