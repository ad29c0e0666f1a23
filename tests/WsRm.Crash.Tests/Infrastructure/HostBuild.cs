using System.Reflection;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// The sample host these tests run: src/WsRm.Host/bin/{Configuration}/net10.0/WsRm.Host.dll, built with the tests (a
/// project reference) and run from its own output directory, where its deps.json names its native SQLite library.
/// </summary>
public static class HostBuild
{
    /// <summary>The path of WsRm.Host.dll; throws, saying how to build it, when it is missing.</summary>
    public static string Dll { get; } = Find();

    private static string Find()
    {
        var path = typeof(HostBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WsRmHostDll").Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The sample host is not built at {path}: dotnet build tests/WsRm.Crash.Tests builds it.", path);
    }
}
