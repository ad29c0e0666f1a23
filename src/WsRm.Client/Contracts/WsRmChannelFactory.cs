using System.Reflection;
using Microsoft.Extensions.Logging;

namespace WsRm.Client;

/// <summary>
/// Creates typed proxies for a <c>[ServiceContract]</c> interface (the same interface the service implements), each
/// carrying its calls over its own reliable session, like WCF's <c>ChannelFactory&lt;T&gt;</c> over a reliable binding.
/// Request-reply and one-way operations, synchronous and Task-returning methods, and <c>FaultException&lt;T&gt;</c>
/// for declared faults. Cast a proxy to <see cref="IWsRmChannel"/> to open, close or abort it. Thread-safe.
/// </summary>
/// <typeparam name="TContract">The contract interface.</typeparam>
public sealed class WsRmChannelFactory<TContract> : IDisposable where TContract : class
{
    private readonly ClientContract _contract;
    private readonly Func<HttpClient> _httpClients;
    private readonly HttpClient? _ownedClient;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory? _loggers;
    private readonly AcknowledgementRouter _acknowledgements = new();

    /// <summary>
    /// A factory for console apps and tests. Without <paramref name="httpClient"/> it makes and owns one client on
    /// <see cref="WsRmHttp.CreateHandler"/>, disposed with the factory; a given client is shared by every channel and
    /// left to its owner.
    /// </summary>
    /// <param name="options">The session settings; validated here, and read again when each channel opens.</param>
    /// <param name="httpClient">The HTTP client to send with, or null.</param>
    /// <param name="timeProvider">The clock and timers; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Where sessions log; nowhere when null.</param>
    public WsRmChannelFactory(WsRmClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : this(options, httpClient is null ? null : () => httpClient, timeProvider, loggerFactory)
    {
    }

    internal WsRmChannelFactory(WsRmClientOptions options, Func<HttpClient>? httpClients, TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _contract = ClientContract.For(typeof(TContract));
        Options = options;
        _time = timeProvider ?? TimeProvider.System;
        _loggers = loggerFactory;
        if (httpClients is null)
        {
            _ownedClient = new HttpClient(WsRmHttp.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            httpClients = () => _ownedClient;
        }

        _httpClients = httpClients;
    }

    /// <summary>The session settings.</summary>
    public WsRmClientOptions Options { get; }

    /// <summary>A proxy whose session opens on its first call (or on <see cref="IWsRmChannel.OpenAsync"/>).</summary>
    public TContract CreateChannel()
    {
        TContract proxy = DispatchProxy.Create<TContract, ChannelProxy>();
        ((ChannelProxy)(object)proxy).Initialize(_contract, new ChannelLifetime(OpenSessionAsync));
        return proxy;
    }

    /// <summary>A proxy with its session already open: CreateSequence has been answered.</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    public async Task<TContract> CreateChannelAsync(CancellationToken cancellationToken = default)
    {
        TContract proxy = CreateChannel();
        await ((IWsRmChannel)proxy).OpenAsync(cancellationToken).ConfigureAwait(false);
        return proxy;
    }

    /// <summary>A message-level session with the same settings, for calls without a contract.</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    public Task<WsRmSession> OpenSessionAsync(CancellationToken cancellationToken = default)
    {
        Options.Validate();
        ILogger? logger = _loggers?.CreateLogger("WsRm.Client." + _contract.Info.Name);
        return WsRmSession.OpenAsync(_httpClients(), Options, _time, logger, _acknowledgements, cancellationToken);
    }

    /// <summary>The sessions of this factory, for acknowledgements that arrive on another session's response (for tests).</summary>
    internal AcknowledgementRouter Acknowledgements => _acknowledgements;

    /// <summary>Disposes the HTTP client the factory made, if any; open channels fail from then on.</summary>
    public void Dispose() => _ownedClient?.Dispose();
}
