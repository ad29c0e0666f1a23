using WsRm.Host.Services;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>The host's posted texts, signalling each one added.</summary>
internal sealed class SignallingTexts(IPostedTexts inner, AsyncSignal added) : IPostedTexts
{
    public void Add(string text)
    {
        inner.Add(text);
        added.Signal();
    }

    public string[] StartingWith(string prefix) => inner.StartingWith(prefix);

    public int Count(string text) => inner.Count(text);
}
