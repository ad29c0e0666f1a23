namespace WsRm.Bench.ClientLoad;

/// <summary>The measured rounds of one client on one <see cref="LoadShape"/>.</summary>
internal sealed class CellResults
{
    public List<RoundResult> Rounds { get; } = [];

    public double Rate => Median(r => r.Rate);

    public double BytesPerMessage => Median(r => r.BytesPerMessage);

    public double ClientCpuMicros => Median(r => r.ClientCpuMicros);

    public double ServerCpuMicros => Median(r => r.ServerCpuMicros);

    public long Completed => Rounds.Sum(r => r.Completed);

    public int FailedCalls => Rounds.Sum(r => r.Failures.Count);

    public int CloseFailures => Rounds.Sum(r => r.CloseFailures);

    public HttpSnapshot Http => Rounds.Aggregate(default(HttpSnapshot), (sum, r) => sum + r.Http);

    public long? Retransmissions => Rounds.All(r => r.Retransmissions is not null) ? Rounds.Sum(r => r.Retransmissions!.Value) : null;

    public double Median(Func<RoundResult, double> value)
    {
        var sorted = Rounds.Select(value).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
