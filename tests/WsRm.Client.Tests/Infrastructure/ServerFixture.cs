using WsRm.Host;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>The real WsRm host on Kestrel, loopback, an ephemeral port; stopped and disposed at the end.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly LoopbackServer _server = new(HostApp.Build);

    public Uri BaseAddress => _server.BaseAddress;

    public Uri EchoAddress => _server.Url("/echo");

    public Task InitializeAsync() => _server.StartAsync();

    public Task DisposeAsync() => _server.StopAsync();
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "real server";
}
