using System.ServiceModel;
using WsRm.Client;

namespace WsRm.Bench.ClientLoad;

/// <summary>One typed proxy (one reliable session) of <see cref="WsRmTypedLoadClient"/>.</summary>
internal sealed class WsRmTypedLoadSession(IEchoServiceAsync proxy) : ILoadSession
{
    private readonly IWsRmChannel _channel = (IWsRmChannel)proxy;

    public async Task EchoAsync()
    {
        var reply = await proxy.EchoAsync(LoadText.Hello).ConfigureAwait(false);
        if (reply != LoadText.Hello) throw new InvalidDataException($"Echo answered '{reply}'");
    }

    public Task PostAsync() => proxy.PostAsync(LoadText.Hello);

    public bool IsFaulted => _channel.State == CommunicationState.Faulted;

    public Task CloseAsync() => _channel.CloseAsync();

    public void Abort() => _channel.Abort();
}
