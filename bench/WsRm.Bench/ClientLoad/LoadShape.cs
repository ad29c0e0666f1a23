namespace WsRm.Bench.ClientLoad;

/// <summary>One cell of the table: a workload over a number of sessions, each driven by a number of concurrent callers.</summary>
internal sealed record LoadShape(Workload Workload, int Sessions, int Callers)
{
    public override string ToString() => $"{WorkloadNames.Display(Workload)}, {Sessions} session(s) x {Callers} caller(s)";
}
