using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Text.Json;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>Runs a host's health checks, in process or through its <c>/health</c> endpoint.</summary>
internal static class Health
{
    public const string Sequences = WsRmHealthChecksBuilderExtensions.SequencesCheckName;
    public const string Store = WsRmHealthChecksBuilderExtensions.StoreCheckName;

    /// <summary>The result of one check of the host, run through its <see cref="HealthCheckService"/>.</summary>
    public static async Task<HealthReportEntry> CheckAsync(IServiceProvider services, string name)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == name).Within();
        return report.Entries[name];
    }

    /// <summary>GET /health: the status code and the JSON answer.</summary>
    public static async Task<(int Status, JsonElement Json)> GetAsync<T>(WebApplicationFactory<T> host) where T : class
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/health").Within();
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().Within()).RootElement.Clone();
        return ((int)response.StatusCode, json);
    }

    /// <summary>The entry named <paramref name="name"/> of a /health answer's <c>checks</c>.</summary>
    public static JsonElement Entry(JsonElement json, string name) =>
        Assert.Single(json.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == name);
}
