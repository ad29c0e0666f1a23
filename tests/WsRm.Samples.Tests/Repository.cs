using System.Reflection;

namespace WsRm.Samples.Tests;

/// <summary>Where the repository is and where its programs are built (the configuration the tests were built in).</summary>
public static class Repository
{
    /// <summary>The repository's root directory, ending with a separator.</summary>
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The path of a file in the repository, e.g. <c>File("README.md")</c>.</summary>
    public static string File(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>
    /// The built dll of the project in <paramref name="projectDirectory"/> (relative to the root, e.g.
    /// <c>samples/WsRm.Samples.Server</c>); throws, saying how to build it, when it is missing.
    /// </summary>
    public static string Program(string projectDirectory)
    {
        var name = Path.GetFileName(projectDirectory);
        var path = Path.Combine(Root, projectDirectory, "bin", Metadata("Configuration"), "net10.0", name + ".dll");
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name}.dll is not built at {path}: dotnet build tests/WsRm.Samples.Tests builds it.", path);
    }

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
