using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WsRm.Server.Diagnostics;

/// <summary>
/// How full a limit may be before the health checks say so: <see cref="HealthStatus.Degraded"/> from
/// <see cref="DegradedPercent"/> (90 %) of it, when the server still accepts but soon will not;
/// <see cref="HealthStatus.Unhealthy"/> at it, when every new CreateSequence is refused (CreateSequenceRefused), so a
/// load balancer should send new clients elsewhere.
/// </summary>
internal static class LimitHealth
{
    /// <summary>The share of a limit, in percent, from which a check reports Degraded.</summary>
    public const int DegradedPercent = 90;

    /// <summary>The status of <paramref name="count"/> against <paramref name="limit"/> (a limit of 0 or less is no limit).</summary>
    public static HealthStatus Of(long count, long limit) =>
        limit <= 0 ? HealthStatus.Healthy
        : count >= limit ? HealthStatus.Unhealthy
        : IsNear(count, limit) ? HealthStatus.Degraded
        : HealthStatus.Healthy;

    /// <summary>Whether <paramref name="count"/> is at least <see cref="DegradedPercent"/> of <paramref name="limit"/> (in integers: 9 of 10 is).</summary>
    public static bool IsNear(long count, long limit) => count * 100 >= limit * DegradedPercent;

    /// <summary>The worse of two statuses.</summary>
    public static HealthStatus Worse(HealthStatus a, HealthStatus b) => a < b ? a : b;
}
