using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WsRm.Host.Services;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The real WsRm.Host (its Program runs, with HostApp.Build) in memory on a TestServer, with a
/// <see cref="FakeTimeProvider"/> as the server's clock and optional configuration overrides such as
/// <c>("WsRm:MaxPendingChannels", "2")</c>. One per test: sequences and posted texts never leak between tests.
/// </summary>
/// <remarks>
/// The entry-point type argument only has to live in WsRm.Host's assembly: its top-level <c>Program</c> is internal
/// and <c>HostApp</c> is static, so the sample service type stands in.
/// </remarks>
public sealed class EchoHost(params (string Key, string Value)[] settings) : WebApplicationFactory<EchoService>
{
    /// <summary>The server's clock; starts at 2025-01-01 and moves only when a test advances it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    internal WireClient Wire => field ??= new WireClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
