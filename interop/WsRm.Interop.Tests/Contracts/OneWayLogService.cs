namespace WsRm.Interop.Tests.Contracts;

/// <summary>Writes every logged text to the shared <see cref="LoggedTexts"/> store.</summary>
public sealed class OneWayLogService(LoggedTexts store) : IOneWayLog
{
    /// <inheritdoc />
    public void Log(string text) => store.Add(text ?? string.Empty);
}
