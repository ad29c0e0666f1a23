using Microsoft.Extensions.Time.Testing;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Sessions on a FakeTimeProvider against a <see cref="LateAckDestination"/> over real loopback HTTP.</summary>
internal static class LateAckSessions
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Defaults but a 20 s OperationTimeout, so that a test that runs it out jumps less.</summary>
    public static WsRmClientOptions Options(LateAckDestination destination, WsRmVersion rm = WsRmVersion.Rm11, WsRmSoapVersion soap = WsRmSoapVersion.Soap12) => new()
    {
        Address = destination.Address,
        Version = rm,
        Soap = soap,
        OperationTimeout = TimeSpan.FromSeconds(20),
    };

    public static Task<WsRmSession> OpenAsync(HttpClient http, WsRmClientOptions options, FakeTimeProvider time) =>
        WsRmSession.OpenAsync(http, options, time).Within(Bounded.Short);
}
