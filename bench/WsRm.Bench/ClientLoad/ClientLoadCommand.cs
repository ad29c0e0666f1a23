using System.Runtime.InteropServices;
using WsRm.Testing;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// <c>client</c>: the real WCF client against our client, in the same run against the same server (the built sample
/// host in a child process). Every shape (workload × sessions × callers) runs its rounds back to back, the clients
/// taking turns round by round (and swapping who goes first), after one unreported warm-up pass.
/// </summary>
internal static class ClientLoadCommand
{
    public static async Task<int> RunAsync(ClientLoadArgs args)
    {
        var hostDll = HostLocator.Find(args.HostPath);
        HostProcess? host = null;
        void Kill(object? sender, EventArgs e) => host?.Dispose();
        UnhandledExceptionEventHandler onCrash = Kill;
        // Ctrl+C, kill, a closed terminal: the server goes first, then the default action (termination) goes on.
        var signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => host?.Dispose())).ToArray();
        AppDomain.CurrentDomain.ProcessExit += Kill;
        AppDomain.CurrentDomain.UnhandledException += onCrash;
        try
        {
            host = HostProcess.Start(hostDll, ServerArgs(args));
            await host.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(60));
            return await RunClientsAsync(args, host, hostDll);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"client load failed: {e}");
            if (host is not null) Console.Error.WriteLine("server output:" + Environment.NewLine + host.RecentOutput());
            return 1;
        }
        finally
        {
            host?.Dispose();
            foreach (var registration in signals) registration.Dispose();
            AppDomain.CurrentDomain.ProcessExit -= Kill;
            AppDomain.CurrentDomain.UnhandledException -= onCrash;
        }
    }

    private static IEnumerable<string> ServerArgs(ClientLoadArgs args)
    {
        yield return "--Logging:LogLevel:Default";
        yield return "Warning";
        // The WS-RM stack, not the sample's storage: posted texts in memory, the store in a temp file.
        yield return "--Samples:PostedTexts";
        yield return "Memory";
        yield return "--WsRm:Storage:ConnectionString";
        yield return $"Data Source={Path.Combine(Path.GetTempPath(), $"wsrm-bench-{Environment.ProcessId}.db")}";
        if (args.ServerWindow is { } window)
        {
            yield return "--WsRm:MaxTransferWindowSize";
            yield return window.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<int> RunClientsAsync(ClientLoadArgs args, HostProcess host, string hostDll)
    {
        var address = new Uri(host.BaseUrl, "echo");
        var clients = args.Clients.Select(name => CreateClient(name, address, args)).ToArray();
        try
        {
            return await MeasureAsync(args, host, hostDll, address, clients);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static ILoadClient CreateClient(string name, Uri address, ClientLoadArgs args) => name switch
    {
        "wcf" => new WcfLoadClient(address, args.Timeout),
        "wsrm" => new WsRmLoadClient(address, args.Window, args.Timeout),
        _ => new WsRmTypedLoadClient(address, args.Window, args.Timeout),
    };

    private static async Task<int> MeasureAsync(ClientLoadArgs args, HostProcess host, string hostDll, Uri address, ILoadClient[] clients)
    {
        SettingsReport.Print(args, host, hostDll, address, Console.Out);

        var shapes = (from w in args.Workloads from s in args.Sessions from c in args.Callers select new LoadShape(w, s, c)).ToArray();
        var warmupFailures = new FailureLog();
        if (args.Warmup > 0)
        {
            var warmShapes = args.Workloads.SelectMany(w => new[] { new LoadShape(w, args.Sessions.Max(), args.Callers.Max()), new LoadShape(w, 1, 1) }).Distinct();
            foreach (var shape in warmShapes)
            foreach (var client in clients)
            {
                var r = await LoadRound.RunAsync(client, host, shape, args.Warmup);
                r.Failures.AddTo(warmupFailures);
                Console.WriteLine($"warm-up  {shape,-52} {client.Name,-10} {r.Rate,8:F0} msgs/s");
            }
        }

        var results = new Dictionary<(LoadShape, string), CellResults>();
        foreach (var shape in shapes)
        {
            foreach (var client in clients) results[(shape, client.Name)] = new CellResults();
            for (var round = 0; round < args.Rounds; round++)
            {
                // Who goes first rotates round by round, so that drift falls on every client alike.
                foreach (var client in clients.Skip(round % clients.Length).Concat(clients.Take(round % clients.Length)))
                {
                    var r = await LoadRound.RunAsync(client, host, shape, args.Messages);
                    results[(shape, client.Name)].Rounds.Add(r);
                    Console.WriteLine($"round {round + 1}  {shape,-52} {client.Name,-10} {r.Rate,8:F0} msgs/s {r.BytesPerMessage,8:F0} B/msg"
                        + $"  cpu client {r.ClientCpu.TotalMilliseconds / r.Elapsed.TotalMilliseconds:P0} server {r.ServerCpu.TotalMilliseconds / r.Elapsed.TotalMilliseconds:P0}, {r.Gen0Collections} gen0 GCs"
                        + (r.Failures.Count > 0 || r.Http.Failed > 0 ? $"  FAILED calls {r.Failures.Count}, HTTP failures {r.Http.Failed}" : ""));
                }
            }
        }

        LoadReport.Print(shapes, clients.Select(c => c.Name).ToArray(), (shape, name) => results[(shape, name)], Console.Out);
        var failures = new FailureLog();
        foreach (var cell in results.Values)
        foreach (var r in cell.Rounds) r.Failures.AddTo(failures);
        LoadReport.PrintFailures("measured rounds", failures, Console.Out);
        LoadReport.PrintFailures("warm-up rounds", warmupFailures, Console.Out);
        LoadReport.PrintClientLogs(clients, Console.Out);
        return 0;
    }
}
