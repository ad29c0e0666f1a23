using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>The real WsRm host on Kestrel, loopback, an ephemeral port; stopped and disposed at the end.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri EchoAddress => new(BaseAddress, "/echo");

    public async Task InitializeAsync()
    {
        _app = HostApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Logging.ClearProviders());
        await _app.StartAsync().Within();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync().Within();
        await _app.DisposeAsync().Within();
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "real server";
}
