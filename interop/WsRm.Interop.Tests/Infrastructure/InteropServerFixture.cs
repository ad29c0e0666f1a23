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
    private WebApplication? _app;

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The store behind <see cref="IEchoService.Post"/>.</summary>
    public PostedTexts Posted => Services.GetRequiredService<PostedTexts>();

    /// <summary>The store behind <see cref="IOneWayLog.Log"/>.</summary>
    public LoggedTexts Logged => Services.GetRequiredService<LoggedTexts>();

    private IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>The absolute address of <paramref name="path"/> on the server.</summary>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = KestrelLoopback.CreateBuilder();
        builder.Logging.AddProvider(new MessageSinkLoggerProvider(diagnostics));
        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
        builder.Services.AddSingleton<LoggedTexts>();
        builder.Services.AddWsRmServer();

        var app = builder.Build();
        MapEndpoints(app);
        _app = app;
        BaseAddress = await KestrelLoopback.StartAsync(app);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null) await KestrelLoopback.StopAsync(_app);
    }

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
