using WsRm.Host.Services;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// The sample service's posted texts in <paramref name="inner"/>, where adding one chosen text writes it and then
/// throws: a service that fails after its own database work.
/// </summary>
internal sealed class FailingPostedTexts(string failingText, IPostedTexts inner) : IPostedTexts
{
    public void Add(string text)
    {
        inner.Add(text);
        if (text == failingText) throw new InvalidOperationException($"The service failed after recording '{text}'.");
    }

    public string[] StartingWith(string prefix) => inner.StartingWith(prefix);

    public int Count(string text) => inner.Count(text);
}
