using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host.Services;
using WsRm.Server;
using WsRm.Testing;
using Xunit.Abstractions;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// The echo service on real Kestrel for clients that address it by a logical address different from its URL (as
/// through a SOAP router): <c>/logical</c> and <c>/logical-unordered</c> declare <see cref="Logical"/> as their
/// <see cref="WsRmServiceOptions.Address"/>; <c>/undeclared</c> does not.
/// </summary>
public sealed class LogicalAddressServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>The logical address the clients use as their endpoint address (wsa:To); never resolved or connected to.</summary>
    public static readonly Uri Logical = new("http://orders.partner.example/echo");

    private readonly LoopbackServer _server = new(app =>
    {
        app.MapWsRmService<EchoService>("/logical", o => o.Address = Logical);
        app.MapWsRmService<EchoService>("/logical-unordered", o => { o.Address = Logical; o.Ordered = false; });
        app.MapWsRmService<EchoService>("/undeclared");
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
