using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Contracts;
using WsRm.Server;
using WsRm.Testing;
using Xunit.Abstractions;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// The WsRm server on real Kestrel serving <see cref="EchoCounterService"/> with both of its contracts at one address:
/// reliable at <c>/both</c> (ordered) and <c>/both-unordered</c>, plain at <c>/plain/both</c>.
/// </summary>
public sealed class MultiContractServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly LoopbackServer _server = new(app =>
    {
        app.MapWsRmService<EchoCounterService>("/both");
        app.MapWsRmService<EchoCounterService>("/both-unordered", o => o.Ordered = false);
        app.MapSoapService<EchoCounterService>("/plain/both");
    }, builder =>
    {
        builder.Logging.AddProvider(new MessageSinkLoggerProvider(diagnostics));
        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
        builder.Services.AddWsRmServer();
    });

    /// <summary>The server's base address.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The absolute address of <paramref name="path"/> on the server.</summary>
    public Uri Url(string path) => _server.Url(path);

    /// <inheritdoc />
    public Task InitializeAsync() => _server.StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => _server.StopAsync();
}
