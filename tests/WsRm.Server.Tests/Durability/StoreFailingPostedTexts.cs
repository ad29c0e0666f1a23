using WsRm.Host.Services;
using WsRm.Storage;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// The sample service's posted texts in <paramref name="inner"/>, where adding one chosen text meets a store failure
/// the first time (what the store's transaction throws when it cannot begin) and is written the times after.
/// </summary>
internal sealed class StoreFailingPostedTexts(string failingText, IPostedTexts inner) : IPostedTexts
{
    private int _failed;

    public void Add(string text)
    {
        if (text == failingText && Interlocked.Exchange(ref _failed, 1) == 0)
            throw new StoreUnavailableException($"The store is unavailable on purpose while recording '{text}'.");
        inner.Add(text);
    }

    public string[] StartingWith(string prefix) => inner.StartingWith(prefix);

    public int Count(string text) => inner.Count(text);
}
