namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>Starts the sample host (<see cref="HostBuild.Dll"/>) on a crash test's store.</summary>
public static class CrashHost
{
    /// <summary>How long a start may take before it counts as failed (a loaded 2-core machine: generous).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The host on <paramref name="store"/>, answering; <paramref name="extra"/> are more command-line settings.</summary>
    public static Task<HostProcess> StartAsync(CrashStore store, params string[] extra) => StartOnPortAsync(store, port: null, extra);

    /// <summary>The host on <paramref name="store"/> and loopback <paramref name="port"/> (a free one when null), answering.</summary>
    public static async Task<HostProcess> StartOnPortAsync(CrashStore store, int? port, params string[] extra)
    {
        var host = HostProcess.Start(HostBuild.Dll, [.. store.HostArgs, .. extra], port);
        try
        {
            await host.WaitUntilAnsweringAsync(StartTimeout);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
