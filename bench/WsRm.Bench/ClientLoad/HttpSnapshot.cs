namespace WsRm.Bench.ClientLoad;

/// <summary>Counts of <see cref="HttpStats"/> at one moment; subtract two to get a round's.</summary>
internal readonly record struct HttpSnapshot(long Requests, long Success, long Status500, long Status503, long OtherStatus, long Errors)
{
    public static HttpSnapshot operator -(HttpSnapshot a, HttpSnapshot b) => new(
        a.Requests - b.Requests, a.Success - b.Success, a.Status500 - b.Status500, a.Status503 - b.Status503,
        a.OtherStatus - b.OtherStatus, a.Errors - b.Errors);

    public static HttpSnapshot operator +(HttpSnapshot a, HttpSnapshot b) => new(
        a.Requests + b.Requests, a.Success + b.Success, a.Status500 + b.Status500, a.Status503 + b.Status503,
        a.OtherStatus + b.OtherStatus, a.Errors + b.Errors);

    /// <summary>Answers other than 200/202, and exchanges that failed without one.</summary>
    public long Failed => Status500 + Status503 + OtherStatus + Errors;
}
