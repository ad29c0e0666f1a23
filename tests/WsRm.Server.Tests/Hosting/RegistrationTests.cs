using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Encodings.Web;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Hosting;

/// <summary>AddWsRmServer / MapWsRmService / MapSoapService as an ASP.NET Core user meets them.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task MapWsRmService_WithoutAddWsRmServer_FailsNamingAddWsRmServer()
    {
        await using var app = TestApp.Build();

        var e = Assert.Throws<InvalidOperationException>(() => app.MapWsRmService<Counter>("/counter"));

        Assert.Contains("AddWsRmServer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapSoapService_WithoutAddWsRmServer_FailsNamingAddWsRmServer()
    {
        await using var app = TestApp.Build();

        var e = Assert.Throws<InvalidOperationException>(() => app.MapSoapService<Counter>("/counter"));

        Assert.Contains("AddWsRmServer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapWsRmService_ReturnsAConventionBuilder_ThatRequireAuthorizationApplies()
    {
        await using var app = TestApp.Build(
            b =>
            {
                b.Services.AddSingleton<CounterLog>();
                b.Services.AddWsRmServer();
                b.Services.AddAuthentication("Deny").AddScheme<AuthenticationSchemeOptions, DenyEveryone>("Deny", null);
                b.Services.AddAuthorization();
            },
            app =>
            {
                app.MapWsRmService<Counter>("/secured").RequireAuthorization();
                app.MapWsRmService<Counter>("/open");
            });
        await app.StartAsync().Within();
        var client = new WireClient(app.GetTestClient());
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);

        var secured = await client.SendAsync("/secured", Messages.CreateSequence(wire, client.Url("/secured"), Envelope.NewId()));
        var open = await client.SendAsync("/open", Messages.CreateSequence(wire, client.Url("/open"), Envelope.NewId()));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, secured.Status);
        open.AssertOk();
    }

    [Fact]
    public async Task MappedEndpoints_AreEndpointRoutingEndpoints_WithADisplayName()
    {
        await using var app = TestApp.Build(
            b => b.Services.AddSingleton<CounterLog>().AddWsRmServer(),
            app =>
            {
                app.MapWsRmService<Counter>("/counter");
                app.MapSoapService<Counter>("/plain/counter");
            });
        await app.StartAsync().Within();

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/counter" && e.DisplayName!.Contains("ICounter", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/plain/counter" && e.DisplayName!.Contains("ICounter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddWsRmServer_KeepsATimeProviderRegisteredBeforeIt()
    {
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var app = TestApp.Build(b =>
        {
            b.Services.AddSingleton<TimeProvider>(fake);
            b.Services.AddWsRmServer();
        });

        Assert.Same(fake, app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Sequence_CreatedOnOneEndpoint_IsUnknownOnAnother()
    {
        await using var app = TestApp.Build(
            b => b.Services.AddSingleton<CounterLog>().AddWsRmServer(),
            app =>
            {
                app.MapWsRmService<Counter>("/a");
                app.MapWsRmService<Counter>("/b");
            });
        await app.StartAsync().Within();
        var client = new WireClient(app.GetTestClient());
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var session = await RmSession.CreateAsync(client, wire, "/a");

        var response = await client.SendAsync("/b", Messages.Application(wire, client.Url("/b"), CounterNames.IncrementAction, session.Id, 1, CounterNames.IncrementBody));

        FaultAssert.RmHeaderFault(response, wire, "UnknownSequence", session.Id);
    }

    /// <summary>An authentication scheme that never authenticates, so RequireAuthorization answers 401.</summary>
    private sealed class DenyEveryone(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
