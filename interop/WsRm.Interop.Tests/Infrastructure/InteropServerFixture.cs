using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Contracts;
using WsRm.Server;
using Xunit.Abstractions;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// The WsRm server on real Kestrel at http://127.0.0.1:&lt;ephemeral&gt;, with every endpoint the interop tests use.
/// Shared by the <see cref="InteropCollection"/>; stopped and disposed after its last test.
/// </summary>
public sealed class InteropServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly LoopbackServer _server = new(MapEndpoints, builder =>
    {
        builder.Logging.AddProvider(new MessageSinkLoggerProvider(diagnostics));
        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
        builder.Services.AddSingleton<LoggedTexts>();
        builder.Services.AddWsRmServer();
    });

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The store behind <see cref="IEchoService.Post"/>.</summary>
    public PostedTexts Posted => Services.GetRequiredService<PostedTexts>();

    /// <summary>The store behind <see cref="IOneWayLog.Log"/>.</summary>
    public LoggedTexts Logged => Services.GetRequiredService<LoggedTexts>();

    private IServiceProvider Services => _server.Services;

    /// <summary>The absolute address of <paramref name="path"/> on the server.</summary>
    public Uri Url(string path) => _server.Url(path);

    /// <inheritdoc />
    public Task InitializeAsync() => _server.StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => _server.StopAsync();

    private static void MapEndpoints(WebApplication app)
    {
        foreach (var ordered in new[] { true, false })
        {
            var suffix = ordered ? "" : "-unordered";
            app.MapWsRmService<EchoService>("/echo" + suffix, o => Configure(o, ordered, typeof(IEchoService)));
            app.MapWsRmService<CounterService>("/counter" + suffix, o => Configure(o, ordered, typeof(ICounterService)));
            app.MapWsRmService<OneWayLogService>("/oneway" + suffix, o => Configure(o, ordered, typeof(IOneWayLog)));
        }

        app.MapSoapService<EchoService>("/plain/echo", o => o.Contract = typeof(IEchoService));
    }

    private static void Configure(WsRmServiceOptions options, bool ordered, Type contract)
    {
        options.Ordered = ordered;
        options.InstanceMode = ServiceInstanceMode.PerSession;
        options.Contract = contract;
    }
}
