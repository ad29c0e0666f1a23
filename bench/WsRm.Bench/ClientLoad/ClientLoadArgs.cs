namespace WsRm.Bench.ClientLoad;

/// <summary>Options of the <c>client</c> load command.</summary>
internal sealed record ClientLoadArgs
{
    /// <summary>Measured rounds per cell; the clients take turns round by round.</summary>
    public int Rounds { get; init; } = 7;

    /// <summary>Messages one client sends in one measured round of one cell, over all its sessions and callers.</summary>
    public int Messages { get; init; } = 3000;

    /// <summary>Messages of each unreported warm-up round (every client, workload and shape once).</summary>
    public int Warmup { get; init; } = 3000;

    /// <summary>Sessions at once.</summary>
    public IReadOnlyList<int> Sessions { get; init; } = [1, 16];

    /// <summary>Concurrent callers per session (8 is WCF's default MaxTransferWindowSize; 1 is sequential).</summary>
    public IReadOnlyList<int> Callers { get; init; } = [8, 1];

    /// <summary>Workloads, in order.</summary>
    public IReadOnlyList<Workload> Workloads { get; init; } = [Workload.OneWay, Workload.RequestReply];

    /// <summary>
    /// Clients compared, in column order: wcf (the real WCF client), wsrm (WsRmSession, message level), typed
    /// (WsRmChannelFactory proxies); the first is the baseline of the ratios. One alone is for profiling.
    /// </summary>
    public IReadOnlyList<string> Clients { get; init; } = ["wcf", "wsrm", "typed"];

    /// <summary>WsRmClientOptions.MaxTransferWindowSize of our client (the server accepts 8 by default).</summary>
    public int Window { get; init; } = 8;

    /// <summary>The server's MaxTransferWindowSize (--WsRm:MaxTransferWindowSize), or null for its default.</summary>
    public int? ServerWindow { get; init; }

    /// <summary>
    /// Open, send and close timeout of both clients (WCF's binding timeouts, WsRm's OperationTimeout). Shorter than
    /// their one-minute defaults so that a call that never completes costs a round seconds, not a minute.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The built WsRm.Host.dll to start, or null to find it.</summary>
    public string? HostPath { get; init; }

    public static ClientLoadArgs Parse(string[] args)
    {
        var result = new ClientLoadArgs();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"option {args[i]} needs a value");
            var value = args[i + 1];
            result = args[i] switch
            {
                "--rounds" => result with { Rounds = Int(value, 1, 50, "--rounds") },
                "--messages" => result with { Messages = Int(value, 1, 10_000_000, "--messages") },
                "--warmup" => result with { Warmup = Int(value, 0, 10_000_000, "--warmup") },
                "--sessions" => result with { Sessions = List(value, 1, 64, "--sessions") },
                "--callers" => result with { Callers = List(value, 1, 256, "--callers") },
                "--workloads" => result with { Workloads = value.Split(',').Select(WorkloadNames.Parse).ToArray() },
                "--clients" => result with { Clients = ClientNames(value) },
                "--window" => result with { Window = Int(value, 1, 4096, "--window") },
                "--server-window" => result with { ServerWindow = Int(value, 1, 4096, "--server-window") },
                "--timeout" => result with { Timeout = TimeSpan.FromSeconds(Int(value, 1, 600, "--timeout")) },
                "--host" => result with { HostPath = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return result;
    }

    private static int Int(string text, int min, int max, string name) =>
        int.TryParse(text, out var v) && v >= min && v <= max ? v : throw new ArgumentException($"{name} must be {min}..{max}");

    private static string[] ClientNames(string text)
    {
        var names = text.Split(',').Select(n => n.Trim().ToLowerInvariant()).ToArray();
        if (names.Length == 0 || names.Any(n => n is not ("wcf" or "wsrm" or "typed")) || names.Distinct().Count() != names.Length)
            throw new ArgumentException("--clients takes a list of wcf, wsrm, typed");
        return names;
    }

    private static int[] List(string text, int min, int max, string name) =>
        text.Split(',').Select(t => Int(t, min, max, name)).ToArray();
}
