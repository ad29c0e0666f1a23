using System.ServiceModel;
using System.ServiceModel.Channels;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// A real WCF <see cref="ChannelFactory{TChannel}"/> for one test. Disposing aborts every channel it made and the
/// factory, so a failed test leaves no session behind.
/// </summary>
public sealed class WcfClient<TContract> : IDisposable where TContract : class
{
    private readonly List<TContract> _channels = [];
    private readonly Uri? _via;

    /// <summary>
    /// A factory for <paramref name="address"/> (the wsa:To); HTTP goes to <paramref name="via"/> when given.
    /// The WCF client for .NET has no <c>ClientViaBehavior</c>; <c>CreateChannel(address, via)</c> does the same.
    /// </summary>
    public WcfClient(Binding binding, Uri address, Uri? via = null)
    {
        Factory = new ChannelFactory<TContract>(binding, new EndpointAddress(address));
        _via = via;
    }

    /// <summary>The underlying factory.</summary>
    public ChannelFactory<TContract> Factory { get; }

    /// <summary>A new channel, i.e. a new reliable session once opened.</summary>
    public TContract NewChannel()
    {
        var channel = _via is null ? Factory.CreateChannel() : Factory.CreateChannel(Factory.Endpoint.Address, _via);
        _channels.Add(channel);
        return channel;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in _channels) ((IClientChannel)channel).Abort();
        Factory.Abort();
    }
}
