using System.ServiceModel;

namespace WsRm.Bench.ClientLoad;

/// <summary>One WCF channel (one reliable session) of <see cref="WcfLoadClient"/>.</summary>
internal sealed class WcfLoadSession(IEchoServiceAsync proxy) : ILoadSession
{
    private readonly IClientChannel _channel = (IClientChannel)proxy;

    public async Task EchoAsync()
    {
        var reply = await proxy.EchoAsync(LoadText.Hello).ConfigureAwait(false);
        if (reply != LoadText.Hello) throw new InvalidDataException($"Echo answered '{reply}'");
    }

    public Task PostAsync() => proxy.PostAsync(LoadText.Hello);

    /// <summary>The channel, for diagnostics.</summary>
    public IClientChannel Channel => _channel;

    public bool IsFaulted => _channel.State == CommunicationState.Faulted;

    public Task CloseAsync() => Task.Factory.FromAsync(_channel.BeginClose, _channel.EndClose, null);

    public void Abort() => _channel.Abort();
}
