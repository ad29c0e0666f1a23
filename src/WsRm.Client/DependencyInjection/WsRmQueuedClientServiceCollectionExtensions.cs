using WsRm.Client;
using WsRm.Configuration;
using WsRm.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers queued WS-RM clients (durable transmission queues) with dependency injection.</summary>
public static class WsRmQueuedClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="WsRmQueuedChannelFactory{TContract}"/> singleton over the application's
    /// <see cref="IWsRmStore"/> (register one with <c>AddWsRmSqliteStore</c> or <c>AddWsRmPostgreSqlStore</c>), and a
    /// hosted service that runs its <see cref="WsRmQueueForwarder"/> while the host runs, once the store is initialized.
    /// Sessions send through a named <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> (named
    /// <see cref="QueuedClientName{TContract}"/>, on <see cref="WsRmHttp.CreateHandler"/> unless configured otherwise).
    /// The options are bound under the same name and validated when the host starts; a contract with an operation that
    /// is not one-way, or a missing store, fails when the factory is first resolved. A registered
    /// <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> are used.
    /// </summary>
    /// <typeparam name="TContract">The <c>[ServiceContract]</c> interface, all operations one-way.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (at least <see cref="WsRmQueuedClientOptions.Address"/>).</param>
    /// <returns>The HTTP client's builder, to set a proxy, handlers or certificates.</returns>
    public static IHttpClientBuilder AddWsRmQueuedClient<TContract>(this IServiceCollection services, Action<WsRmQueuedClientOptions> configure)
        where TContract : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var name = QueuedClientName<TContract>();
        services.AddOptions<WsRmQueuedClientOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WsRmQueuedClientOptions>, WsRmQueuedClientOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var store = sp.GetService<IWsRmStore>() ?? throw new InvalidOperationException(
                $"AddWsRmQueuedClient<{typeof(TContract).Name}> needs a store: call AddWsRmSqliteStore (or AddWsRmPostgreSqlStore) too.");
            var startup = sp.GetService<StoreStartup>();
            return new WsRmQueuedChannelFactory<TContract>(
                sp.GetRequiredService<IOptionsMonitor<WsRmQueuedClientOptions>>().Get(name),
                store,
                () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(name),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILoggerFactory>(),
                startup is null ? null : startup.ReadyAsync,
                startForwarder: false);
        });
        if (!services.Any(d => d.ServiceType == typeof(QueuedClientMarker<TContract>)))
        {
            services.AddSingleton<QueuedClientMarker<TContract>>();
            services.AddSingleton<IHostedService>(sp => new QueueForwarderService(sp.GetRequiredService<WsRmQueuedChannelFactory<TContract>>().Forwarder));
        }

        // Sessions bound every exchange themselves; HttpClient's own 100 s timeout would only get in the way.
        return services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => WsRmHttp.CreateHandler());
    }

    /// <summary>
    /// Registers the queued client of <typeparamref name="TContract"/> as
    /// <see cref="AddWsRmQueuedClient{TContract}(IServiceCollection, Action{WsRmQueuedClientOptions})"/> does, with its
    /// <see cref="WsRmQueuedClientOptions"/> from <paramref name="configuration"/>, e.g.
    /// <c>builder.Configuration.GetSection("PostsClient")</c> (<c>Address</c>, <c>TimeToLive</c>,
    /// <c>ExactlyOnce</c>, …): <paramref name="configure"/> runs first and the configuration binds over it. Strict: a
    /// key that is not a setting, or a value that does not convert or is out of range, stops startup with a message
    /// naming the full key.
    /// </summary>
    /// <typeparam name="TContract">The <c>[ServiceContract]</c> interface, all operations one-way.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The queued client's configuration section.</param>
    /// <param name="configure">Sets options in code before the configuration binds; null for none.</param>
    /// <returns>The HTTP client's builder, to set a proxy, handlers or certificates.</returns>
    public static IHttpClientBuilder AddWsRmQueuedClient<TContract>(this IServiceCollection services, IConfiguration configuration,
        Action<WsRmQueuedClientOptions>? configure = null) where TContract : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var http = services.AddWsRmQueuedClient<TContract>(configure ?? (_ => { }));
        OptionsConfiguration<WsRmQueuedClientOptions>.Add(services, QueuedClientName<TContract>(), _ => configuration);
        return http;
    }

    /// <summary>The name of the <see cref="HttpClient"/> and options registered for <typeparamref name="TContract"/>'s queued client.</summary>
    /// <typeparam name="TContract">The contract interface.</typeparam>
    public static string QueuedClientName<TContract>() => "WsRmQueued:" + typeof(TContract).FullName;
}
