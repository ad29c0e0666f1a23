namespace WsRm.Bench.ClientLoad;

/// <summary>What one client did in one measured (or warm-up) round of one cell.</summary>
internal sealed record RoundResult(
    long Completed,
    FailureLog Failures,
    TimeSpan Elapsed,
    long AllocatedBytes,
    TimeSpan ClientCpu,
    TimeSpan ServerCpu,
    HttpSnapshot Http,
    long? Retransmissions,
    int CloseFailures,
    int Gen0Collections)
{
    public double Rate => Completed / Elapsed.TotalSeconds;

    public double BytesPerMessage => Completed == 0 ? double.NaN : (double)AllocatedBytes / Completed;

    public double ClientCpuMicros => Completed == 0 ? double.NaN : ClientCpu.TotalMicroseconds / Completed;

    public double ServerCpuMicros => Completed == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Completed;
}
