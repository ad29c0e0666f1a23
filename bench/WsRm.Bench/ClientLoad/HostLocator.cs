namespace WsRm.Bench.ClientLoad;

/// <summary>Finds the built sample server: src/WsRm.Host/bin/Release/net10.0, else the copy beside this program.</summary>
internal static class HostLocator
{
    public static string Find(string? given)
    {
        if (given is not null)
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException("no host at --host", given);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "WsRm.sln"))) continue;
            var built = Path.Combine(dir.FullName, "src", "WsRm.Host", "bin", "Release", "net10.0", "WsRm.Host.dll");
            if (File.Exists(built)) return built;
            break;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "WsRm.Host.dll");
        return File.Exists(beside)
            ? beside
            : throw new FileNotFoundException("WsRm.Host.dll not found; build it with: dotnet build -c Release src/WsRm.Host");
    }
}
