using Microsoft.Extensions.Hosting;

namespace WsRm.Server.Configuration;

/// <summary>
/// Stops startup when configuration has settings for an endpoint that was not mapped (<c>WsRm:Endpoints:/ecoh</c>),
/// which would otherwise be ignored. Runs when the host starts, after the application's <c>Map…</c> calls.
/// </summary>
internal sealed class EndpointConfigurationCheck(EndpointConfiguration endpoints) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (endpoints.Unmapped() is { Count: > 0 } unmapped)
            throw new InvalidOperationException(
                $"Configuration key{(unmapped.Count > 1 ? "s" : "")} '{string.Join("', '", unmapped)}' name{(unmapped.Count > 1 ? "" : "s")} no mapped WS-RM or SOAP endpoint; " +
                $"the keys under Endpoints are route patterns exactly as mapped: {(endpoints.Mapped.Count == 0 ? "none is mapped" : string.Join(", ", endpoints.Mapped))}.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
