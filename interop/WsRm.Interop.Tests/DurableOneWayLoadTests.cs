using System.ServiceModel;
using Microsoft.AspNetCore.Builder;
using System.ServiceModel.Channels;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Contracts;
using WsRm.Interop.Tests.Infrastructure;
using WsRm.Server;
using WsRm.Testing.Wcf;
using Xunit.Abstractions;

namespace WsRm.Interop.Tests;

/// <summary>
/// The real WCF client (CustomBinding of ReliableSessionBindingElement at its defaults: RM 1.0, ordered, window 8, flow
/// control on; text SOAP 1.2; HTTP), 4 sessions at once with 8 concurrent one-way callers each, against a durable
/// endpoint (SQLite) whose service does nothing. That client takes its send quota only from the answers to its sequence
/// messages (BufferRemaining less those still in flight), never from the answer to its AckRequested poll: an answer
/// carrying BufferRemaining 0 that slid its window last left it with quota 0 and nothing in flight, so it never sent
/// again and every caller timed out after SendTimeout (found by the durable benchmark). Before the fix this failed with
/// that TimeoutException in 3 runs of 3; bounded to about 30 s by the binding's 20 s SendTimeout.
/// </summary>
public sealed class DurableOneWayLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Sessions = 4;
    private const int MessagesPerSession = 3000;
    private const int Callers = 8;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"wsrm-interop-durable-{Guid.NewGuid():N}.db");
    private readonly DeliveryCounter _counter = new(Sessions * MessagesPerSession);
    private LoopbackServer? _server;

    public async Task InitializeAsync()
    {
        _server = new LoopbackServer(
            app => app.MapWsRmService<CountingEchoService>("/durable/echo", o =>
            {
                o.Durable = true;
                o.Contract = typeof(IEchoService);
            }),
            builder =>
            {
                builder.Services.AddSingleton(_counter);
                builder.Services.AddWsRmServer();
                builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = $"Data Source={_file}");
            });
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_file + suffix)) File.Delete(_file + suffix);
    }

    [Fact]
    public async Task Eight_concurrent_one_way_callers_on_one_durable_session_never_stall()
    {
        var binding = new CustomBinding(new ReliableSessionBindingElement(), new TextMessageEncodingBindingElement(), new HttpTransportBindingElement())
        {
            // Well under the test's bound: a client left without quota fails here instead of hanging.
            OpenTimeout = TimeSpan.FromSeconds(20), SendTimeout = TimeSpan.FromSeconds(20), CloseTimeout = TimeSpan.FromSeconds(20),
        };
        using var client = new WcfClient<IEchoServiceAsync>(binding, _server!.Url("/durable/echo"));
        client.Factory.Endpoint.EndpointBehaviors.Add(new PassThroughHandlerBehavior());
        var wcfDequeueFaults = 0;
        // Several sessions at once: the load that makes a batch of 8 land in one group commit while the delivery is idle.
        var sessions = Enumerable.Range(0, Sessions).Select(async _ =>
        {
            var proxy = client.NewChannel();
            await Wcf.OpenAsync(proxy);
            var issued = 0;
            await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref issued) <= MessagesPerSession)
                {
                    try
                    {
                        await proxy.PostAsync("hello");
                    }
                    catch (InvalidOperationException e) when (WcfClientRaces.IsDequeuePendingRace(e))
                    {
                        // WCF's own race (TransmissionStrategy.DequeuePending re-entered on one thread when an answer is
                        // already there): the message was sent and acknowledged, only this caller is told otherwise.
                        Interlocked.Increment(ref wcfDequeueFaults);
                    }
                }
            })));
            await Wcf.CloseAsync(proxy);
        });
        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(55));

        await _counter.Reached.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(Sessions * MessagesPerSession, _counter.Count);
        if (wcfDequeueFaults > 0) output.WriteLine($"WCF's DequeuePending race told {wcfDequeueFaults} caller(s) 'Queue empty'.");
    }

    // The benchmark's client shape: a DelegatingHandler in front of WCF's HTTP handler (the transport takes a
    // Func<HttpClientHandler, HttpMessageHandler> binding parameter). One more hop on each answer changes the order in
    // which WCF handles concurrent answers, which is what made the stall show.
    private sealed class PassThroughHandlerBehavior : System.ServiceModel.Description.IEndpointBehavior
    {
        public void AddBindingParameters(System.ServiceModel.Description.ServiceEndpoint endpoint, BindingParameterCollection bindingParameters) =>
            bindingParameters.Add(new Func<HttpClientHandler, HttpMessageHandler>(inner => new PassThroughHandler(inner)));

        public void ApplyClientBehavior(System.ServiceModel.Description.ServiceEndpoint endpoint, System.ServiceModel.Dispatcher.ClientRuntime clientRuntime) { }

        public void ApplyDispatchBehavior(System.ServiceModel.Description.ServiceEndpoint endpoint, System.ServiceModel.Dispatcher.EndpointDispatcher endpointDispatcher) { }

        public void Validate(System.ServiceModel.Description.ServiceEndpoint endpoint) { }
    }

    private sealed class PassThroughHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
