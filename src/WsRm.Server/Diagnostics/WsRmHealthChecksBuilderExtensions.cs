using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WsRm.Server;
using WsRm.Server.Diagnostics;
using WsRm.Server.Sequences;
using WsRm.Server.Storage;
using WsRm.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WS-RM server's health checks.</summary>
public static class WsRmHealthChecksBuilderExtensions
{
    /// <summary>The name of the check of sequence counts against their limits.</summary>
    public const string SequencesCheckName = "wsrm-sequences";

    /// <summary>The name of the check of the durable store.</summary>
    public const string StoreCheckName = "wsrm-store";

    /// <summary>The default bound on the store check's round trip: 10 s (Npgsql's own connect timeout is 15 s).</summary>
    public static readonly TimeSpan DefaultStoreTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Adds two checks, reported by <c>MapHealthChecks</c>:
    /// <list type="bullet">
    /// <item><see cref="SequencesCheckName"/>: sequences open in this process against
    /// <see cref="WsRmServerOptions.MaxPendingChannels"/>: Healthy below 90 %, Degraded from 90 %, Unhealthy at the
    /// limit (every new CreateSequence is refused then); Degraded too while a client is at
    /// <see cref="WsRmServerOptions.MaxSequencesPerClient"/>. Data: <c>sequences</c>, <c>maxPendingChannels</c>,
    /// <c>busiestClientSequences</c>, <c>maxSequencesPerClient</c>.</item>
    /// <item><see cref="StoreCheckName"/>: when a store is registered (<c>AddWsRmSqliteStore</c>,
    /// <c>AddWsRmPostgreSqlStore</c>), one round trip to its database (<see cref="IWsRmStoreAdmin.CheckAsync"/>),
    /// Unhealthy with the database's reason when it fails or takes longer than <paramref name="storeTimeout"/>; with
    /// durable or queued endpoints, the sequences stored against MaxPendingChannels as above. Data: <c>provider</c>
    /// (<c>Sqlite</c>, <c>PostgreSql</c> or <c>none</c>), <c>sequences</c>, <c>maxPendingChannels</c>. Without a store:
    /// Healthy.</item>
    /// </list>
    /// Call <c>AddWsRmServer</c> too (before or after); without it the sequences check is Unhealthy and says so.
    /// </summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>.</param>
    /// <param name="tags">Tags of both checks, to filter them with <c>HealthCheckOptions.Predicate</c> (e.g. "ready").</param>
    /// <param name="storeTimeout">Bound on the store check (default <see cref="DefaultStoreTimeout"/>).</param>
    public static IHealthChecksBuilder AddWsRm(this IHealthChecksBuilder builder, IEnumerable<string>? tags = null, TimeSpan? storeTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(new HealthCheckRegistration(SequencesCheckName,
            sp => new SequenceLimitsHealthCheck(sp.GetService<ISequenceStore>(), Options(sp)),
            HealthStatus.Unhealthy, tags));
        builder.Add(new HealthCheckRegistration(StoreCheckName,
            sp => new StoreHealthCheck(sp.GetService<IWsRmStore>(), sp.GetService<SequenceManager>(), Options(sp)),
            HealthStatus.Unhealthy, tags, storeTimeout ?? DefaultStoreTimeout));
        return builder;
    }

    private static WsRmServerOptions Options(IServiceProvider services) =>
        services.GetService<IOptions<WsRmServerOptions>>()?.Value ?? new WsRmServerOptions();
}
