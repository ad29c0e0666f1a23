using System.Globalization;

namespace WsRm.Bench.ClientLoad;

/// <summary>Prints the results as markdown tables (throughput and allocation; errors, HTTP and CPU per message), then the failures.</summary>
internal static class LoadReport
{
    public static void Print(IReadOnlyList<LoadShape> shapes, IReadOnlyList<string> clients, Func<LoadShape, string, CellResults> cell, TextWriter output)
    {
        var baseline = clients[0];
        var others = clients.Skip(1).ToArray();
        string[] header =
        [
            "workload", "sessions", "callers",
            .. clients.Select(c => $"{c} msgs/s"),
            .. others.Select(c => clients.Count == 2 ? "ratio" : $"ratio {c}/{baseline}"),
            .. clients.Select(c => $"{c} B/msg"),
        ];
        output.WriteLine();
        output.WriteLine("| " + string.Join(" | ", header) + " |");
        output.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", header.Length - 1)));
        foreach (var shape in shapes)
        {
            var rates = clients.Select(c => cell(shape, c).Rate).ToArray();
            string[] row =
            [
                WorkloadNames.Display(shape.Workload), N(shape.Sessions), N(shape.Callers),
                .. clients.Select((c, i) => N(rates[i]) + Flag(cell(shape, c))),
                .. others.Select((_, i) => (rates[i + 1] / rates[0]).ToString("0.00", CultureInfo.InvariantCulture) + "x"),
                .. clients.Select(c => N(cell(shape, c).BytesPerMessage)),
            ];
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }
        output.WriteLine($"ratio = {string.Join(", ", others)} msgs/s / {baseline} msgs/s (medians); (!) = failed calls or HTTP errors in that cell, see below.");

        output.WriteLine();
        output.WriteLine("| workload | sessions | callers | client | calls ok | failed calls | failed closes | HTTP req/msg | HTTP 500/503/other/no answer | retransmissions | client CPU µs/msg | server CPU µs/msg |");
        output.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var shape in shapes)
        foreach (var client in clients)
        {
            var c = cell(shape, client);
            var http = c.Http;
            output.WriteLine($"| {WorkloadNames.Display(shape.Workload)} | {shape.Sessions} | {shape.Callers} | {client} | {N(c.Completed)} | {c.FailedCalls} | {c.CloseFailures} | "
                + $"{((double)http.Requests / Math.Max(1, c.Completed)).ToString("0.000", CultureInfo.InvariantCulture)} | "
                + $"{http.Status500}/{http.Status503}/{http.OtherStatus}/{http.Errors} | {c.Retransmissions?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | "
                + $"{N(c.ClientCpuMicros)} | {N(c.ServerCpuMicros)} |");
        }
    }

    public static void PrintFailures(string what, FailureLog failures, TextWriter output)
    {
        output.WriteLine($"failed calls in {what}: {failures.Count}");
        foreach (var (kind, n) in failures.ByKind.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  {n,6} x {kind}");
            if (failures.First.TryGetValue(kind, out var first))
                foreach (var line in first.ToString().Split('\n').Skip(1).Take(12)) output.WriteLine($"           {line.TrimEnd()}");
        }
    }

    public static void PrintClientLogs(IEnumerable<ILoadClient> clients, TextWriter output)
    {
        foreach (var client in clients)
        {
            if (client.Log is not { } log) continue;
            output.WriteLine($"{client.Name} over the whole run (warm-up included): {log.Retransmissions} retransmissions, {log.AckRequests} AckRequested probes, "
                + $"{log.TransportFailures} masked transport failures, {log.Faults} session faults.");
            foreach (var line in log.Samples) output.WriteLine($"  log: {line}");
        }
    }

    private static string Flag(CellResults c) => c.FailedCalls > 0 || c.Http.Failed > 0 ? " (!)" : "";

    private static string N(double value) => double.IsNaN(value) ? "n/a" : value.ToString("#,0", CultureInfo.InvariantCulture);
}
