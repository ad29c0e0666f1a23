using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Server.Tests.Dispatch;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Hosting;

/// <summary>Mapping a service with several contracts: what the endpoint is called, and the startup error for colliding actions.</summary>
public sealed class MultiContractMappingTests
{
    [Fact]
    public async Task Endpoints_ServingSeveralContracts_NameThemAllInTheDisplayName()
    {
        await using var app = TestApp.Build(
            b => b.Services.AddWsRmServer(),
            app =>
            {
                app.MapWsRmService<MultiContract.GreeterMeter>("/multi");
                app.MapSoapService<MultiContract.GreeterMeter>("/plain/multi");
                app.MapWsRmService<MultiContract.GreeterMeter>("/meter", o => o.Contract = typeof(MultiContract.IMeter));
            });
        await app.StartAsync().Within();

        var names = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .ToDictionary(e => e.RoutePattern.RawText!, e => e.DisplayName);

        Assert.Equal("WS-RM IGreeter, IMeter at /multi", names["/multi"]);
        Assert.Equal("SOAP IGreeter, IMeter at /plain/multi", names["/plain/multi"]);
        Assert.Equal("WS-RM IMeter at /meter", names["/meter"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Map_TwoContractsWithTheSameAction_FailsAtStartup_NamingBothInterfacesAndTheAction(bool reliable)
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer());

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            if (reliable) app.MapWsRmService<MultiContract.Clash>("/clash");
            else app.MapSoapService<MultiContract.Clash>("/clash");
        });

        Assert.Contains(typeof(MultiContract.IClashA).FullName!, error.Message);
        Assert.Contains(typeof(MultiContract.IClashB).FullName!, error.Message);
        Assert.Contains($"'{MultiContract.Namespace}/Clash/Ping'", error.Message);
    }

    [Fact]
    public async Task Map_TwoContractsWithTheSameAction_WorksContractByContract()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(), app =>
        {
            app.MapWsRmService<MultiContract.Clash>("/clash/a", o => o.Contract = typeof(MultiContract.IClashA));
            app.MapSoapService<MultiContract.Clash>("/clash/b", o => o.Contract = typeof(MultiContract.IClashB));
        });
        await app.StartAsync().Within();

        var names = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.DisplayName).Order(StringComparer.Ordinal);
        Assert.Equal(["SOAP Clash at /clash/b", "WS-RM Clash at /clash/a"], names);
    }
}
