using WsRm.Client;
using WsRm.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers WS-RM clients with dependency injection.</summary>
public static class WsRmClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="WsRmChannelFactory{TContract}"/> singleton whose sessions send through a named
    /// <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> (named <see cref="HttpClientName{TContract}"/>,
    /// on <see cref="WsRmHttp.CreateHandler"/> unless configured otherwise). The options are bound under the same name
    /// and validated when the host starts. A <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> registered in
    /// the container are used.
    /// </summary>
    /// <typeparam name="TContract">The <c>[ServiceContract]</c> interface.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (at least <see cref="WsRmClientOptions.Address"/>).</param>
    /// <returns>The HTTP client's builder, to set a proxy, handlers or certificates.</returns>
    public static IHttpClientBuilder AddWsRmClient<TContract>(this IServiceCollection services, Action<WsRmClientOptions> configure)
        where TContract : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        string name = HttpClientName<TContract>();
        services.AddOptions<WsRmClientOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WsRmClientOptions>, WsRmClientOptionsValidator>());
        services.TryAddSingleton(sp => new WsRmChannelFactory<TContract>(
            sp.GetRequiredService<IOptionsMonitor<WsRmClientOptions>>().Get(name),
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));

        // Sessions bound every exchange themselves; HttpClient's own 100 s timeout would only get in the way.
        return services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => WsRmHttp.CreateHandler());
    }

    /// <summary>
    /// Registers the client of <typeparamref name="TContract"/> as
    /// <see cref="AddWsRmClient{TContract}(IServiceCollection, Action{WsRmClientOptions})"/> does, with its
    /// <see cref="WsRmClientOptions"/> from <paramref name="configuration"/>, e.g.
    /// <c>builder.Configuration.GetSection("OrdersClient")</c> (<c>Address</c>, <c>Version</c>, <c>Soap</c>,
    /// <c>MaxTransferWindowSize</c>, …): <paramref name="configure"/> runs first and the configuration binds over it.
    /// Strict: a key that is not a setting, or a value that does not convert or is out of range, stops startup with a
    /// message naming the full key. Read when the client is first resolved; a later change takes a restart.
    /// </summary>
    /// <typeparam name="TContract">The <c>[ServiceContract]</c> interface.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The client's configuration section.</param>
    /// <param name="configure">Sets options in code before the configuration binds; null for none.</param>
    /// <returns>The HTTP client's builder, to set a proxy, handlers or certificates.</returns>
    public static IHttpClientBuilder AddWsRmClient<TContract>(this IServiceCollection services, IConfiguration configuration,
        Action<WsRmClientOptions>? configure = null) where TContract : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var http = services.AddWsRmClient<TContract>(configure ?? (_ => { }));
        OptionsConfiguration<WsRmClientOptions>.Add(services, HttpClientName<TContract>(), _ => configuration);
        return http;
    }

    /// <summary>The name of the <see cref="HttpClient"/> and options registered for <typeparamref name="TContract"/>.</summary>
    /// <typeparam name="TContract">The contract interface.</typeparam>
    public static string HttpClientName<TContract>() => "WsRm:" + typeof(TContract).FullName;
}
