using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WsRm.Storage;

/// <summary>Registration shared by the store providers.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="create"/> as the one <see cref="IWsRmStore"/> of the application, initialized when the
    /// host starts (<see cref="StoreStartup"/>). Throws when a store is registered already.
    /// </summary>
    public static IServiceCollection AddWsRmStore(this IServiceCollection services, Func<IServiceProvider, IWsRmStore> create)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        if (services.Any(d => d.ServiceType == typeof(IWsRmStore)))
            throw new InvalidOperationException("A WsRm store is registered already: call AddWsRmSqliteStore or AddWsRmPostgreSqlStore once.");
        services.AddSingleton(create);
        services.TryAddSingleton<StoreStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreStartup>());
        return services;
    }
}
