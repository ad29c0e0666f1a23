using WsRm.Host.Services;

namespace WsRm.Interop.Tests.Contracts;

/// <summary>
/// What <see cref="OneWayLogService"/> received, in processing order (registered as a singleton). The host's bounded
/// <see cref="PostedTexts"/> store does the work; this type only keeps the one-way log apart from the echo posts in DI.
/// </summary>
public sealed class LoggedTexts
{
    private readonly PostedTexts _texts = new();

    /// <summary>Appends a text, dropping the oldest past the capacity.</summary>
    public void Add(string text) => _texts.Add(text);

    /// <summary>The texts starting with <paramref name="prefix"/>, oldest first.</summary>
    public string[] StartingWith(string prefix) => _texts.StartingWith(prefix);
}
