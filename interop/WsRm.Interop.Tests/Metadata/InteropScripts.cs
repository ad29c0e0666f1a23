namespace WsRm.Interop.Tests.Metadata;

/// <summary>The client scripts in <c>interop/metadata</c>.</summary>
internal static class InteropScripts
{
    /// <summary>The absolute path of <paramref name="name"/> in interop/metadata.</summary>
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "interop", "metadata", name);
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WsRm.sln")) && File.Exists(candidate)) return candidate;
        }

        throw new InvalidOperationException($"interop/metadata/{name} not found above {AppContext.BaseDirectory}.");
    }
}
