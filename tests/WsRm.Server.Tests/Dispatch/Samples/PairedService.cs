namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>Implements <see cref="IPairedService"/>; the dispatcher must call the Task method.</summary>
public sealed class PairedService : IPairedService
{
    public string Hello(string name) => "sync:" + name;

    public Task<string> HelloAsync(string name) => Task.FromResult("async:" + name);
}
