using Microsoft.Extensions.DependencyInjection;

namespace WsRm.Bench.DurableLoad;

/// <summary>The PostgreSQL store for the benchmark, when the provider is built in.</summary>
internal static class BenchStores
{
    public static void AddPostgreSql(IServiceCollection services, string connectionString) =>
        throw new NotSupportedException("The PostgreSQL store is not built into this benchmark yet.");
}
