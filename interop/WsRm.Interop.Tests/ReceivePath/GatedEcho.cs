using WsRm.Host.Services;

namespace WsRm.Interop.Tests.ReceivePath;

/// <summary>The sample contract behind an <see cref="InteropGate"/>; Echo("throw…") fails with an unexpected exception.</summary>
public sealed class GatedEcho(InteropGate gate, PostedTexts posted) : IEchoService
{
    public string Echo(string text)
    {
        gate.Pass();
        if (text.StartsWith("throw", StringComparison.Ordinal)) throw new InvalidOperationException("unexpected: " + text);
        return text;
    }

    public void Post(string text)
    {
        gate.Pass();
        posted.Add(text);
    }

    public string[] Received(string prefix) => posted.StartingWith(prefix);

    public int Record(string text)
    {
        gate.Pass();
        posted.Add(text);
        return posted.Count(text);
    }
}
