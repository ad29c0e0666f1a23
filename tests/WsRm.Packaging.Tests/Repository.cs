using System.Reflection;

namespace WsRm.Packaging.Tests;

/// <summary>Where the repository is and the configuration the tests (and so the packable projects) were built in.</summary>
public static class Repository
{
    /// <summary>The repository's root directory, ending with a separator.</summary>
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>Debug or Release.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
