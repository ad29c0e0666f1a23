using WsRm.Host.Services;

namespace WsRm.Interop.Tests.Contracts;

/// <summary>The sample contract doing next to nothing: Post only counts, nothing is kept.</summary>
public sealed class CountingEchoService(DeliveryCounter counter) : IEchoService
{
    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public void Post(string text) => counter.Add();

    /// <inheritdoc />
    public string[] Received(string prefix) => [];

    /// <inheritdoc />
    public int Record(string text) => 0;
}
