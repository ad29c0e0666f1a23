namespace WsRm.Bench.ClientLoad;

/// <summary>Names of <see cref="Workload"/> on the command line and in the table.</summary>
internal static class WorkloadNames
{
    public static Workload Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "oneway" or "one-way" or "post" => Workload.OneWay,
        "echo" or "request-reply" or "requestreply" => Workload.RequestReply,
        _ => throw new ArgumentException($"unknown workload '{name}' (oneway, echo)"),
    };

    public static string Display(Workload workload) => workload == Workload.OneWay ? "one-way Post" : "request-reply Echo";
}
