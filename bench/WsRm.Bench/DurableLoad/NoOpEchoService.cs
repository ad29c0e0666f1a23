using WsRm.Host.Services;

namespace WsRm.Bench.DurableLoad;

/// <summary>The sample contract doing no work of its own: the benchmark measures the WS-RM stack and its store, not a service.</summary>
internal sealed class NoOpEchoService : IEchoService
{
    public string Echo(string text) => text;

    public void Post(string text)
    {
    }

    public string[] Received(string prefix) => [];

    public int Record(string text) => 0;
}
