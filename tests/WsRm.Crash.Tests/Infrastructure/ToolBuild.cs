using System.Reflection;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// The console programs the source-side tests run as child processes, built with the tests (project references that
/// are not referenced assemblies) and run from their own output directories: the queued sender sample
/// (samples/WsRm.Samples.QueuedSender) and the operator's tool <c>wsrm</c> (src/WsRm.Cli).
/// </summary>
public static class ToolBuild
{
    /// <summary>The path of WsRm.Samples.QueuedSender.dll; throws, saying how to build it, when it is missing.</summary>
    public static string QueuedSender { get; } = Find("WsRmQueuedSenderDll");

    /// <summary>The path of WsRm.Cli.dll (<c>wsrm</c>); throws, saying how to build it, when it is missing.</summary>
    public static string Cli { get; } = Find("WsRmCliDll");

    private static string Find(string key)
    {
        var path = typeof(ToolBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{Path.GetFileName(path)} is not built at {path}: dotnet build tests/WsRm.Crash.Tests builds it.", path);
    }
}
