namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// node's <c>soap</c> package (npm), installed at most once per machine into
/// <c>$TMPDIR/wsrm-node-soap-&lt;version&gt;</c> with npm from the registry (set <c>WSRM_NODE_MODULES</c> to a
/// node_modules directory that has it to skip that). Needs node and npm (Debian: nodejs, npm; .ci/run installs them).
/// </summary>
internal static class NodeSoap
{
    /// <summary>The pinned version.</summary>
    public const string Version = "1.13.0";

    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>The node_modules directory that holds soap (for NODE_PATH).</summary>
    public static Task<string> ModulesAsync() => Installed.Value;

    private static async Task<string> InstallAsync()
    {
        if (Environment.GetEnvironmentVariable("WSRM_NODE_MODULES") is { Length: > 0 } given) return given;
        string cached = Path.Combine(Path.GetTempPath(), "wsrm-node-soap-" + Version);
        string modules = Path.Combine(cached, "node_modules");
        if (File.Exists(Path.Combine(modules, "soap", "package.json"))) return modules;

        // Installed aside, then moved into place, so that two test processes never see a half-installed directory.
        string aside = cached + "-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(aside);
        try
        {
            ForeignResult npm = await ForeignTool.RunAsync("npm",
                ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", aside, "soap@" + Version], TimeSpan.FromMinutes(5));
            if (npm.ExitCode != 0) throw new InvalidOperationException("npm install soap failed:\n" + npm);
            try
            {
                Directory.Move(aside, cached);
            }
            catch (IOException) when (File.Exists(Path.Combine(modules, "soap", "package.json")))
            {
                // Another test process got there first; its install is the same.
            }

            return modules;
        }
        finally
        {
            if (Directory.Exists(aside)) Directory.Delete(aside, recursive: true);
        }
    }
}
