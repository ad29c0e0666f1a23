using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host.Services;
using WsRm.Server;
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

    private WebApplication? _app;

    /// <summary>The server's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The absolute address of <paramref name="path"/> on the server.</summary>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = KestrelLoopback.CreateBuilder();
        builder.Logging.AddProvider(new MessageSinkLoggerProvider(diagnostics));
        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
        builder.Services.AddWsRmServer();
        var app = builder.Build();
        app.MapWsRmService<EchoService>("/logical", o => o.Address = Logical);
        app.MapWsRmService<EchoService>("/logical-unordered", o => { o.Address = Logical; o.Ordered = false; });
        app.MapWsRmService<EchoService>("/undeclared");
        _app = app;
        BaseAddress = await KestrelLoopback.StartAsync(app);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null) await KestrelLoopback.StopAsync(_app);
    }
}
