using WsRm.Host.Services;

namespace WsRm.Interop.Tests.Contracts;

/// <summary>One class implementing two contracts, <see cref="IEchoService"/> and <see cref="ICounterService"/>, served at one address.</summary>
public sealed class EchoCounterService(PostedTexts posted) : IEchoService, ICounterService
{
    private int _count;

    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public void Post(string text) => posted.Add(text ?? string.Empty);

    /// <inheritdoc />
    public string[] Received(string prefix) => posted.StartingWith(prefix ?? string.Empty);

    /// <inheritdoc />
    public int Record(string text)
    {
        posted.Add(text ?? string.Empty);
        return posted.Count(text ?? string.Empty);
    }

    /// <inheritdoc />
    public int Next() => Interlocked.Increment(ref _count);
}
