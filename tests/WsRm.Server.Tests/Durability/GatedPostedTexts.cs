using WsRm.Host.Services;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// The sample service's posted texts in memory, where adding one chosen text blocks until the test opens the gate: a
/// service call that is still running when the test wants it to be.
/// </summary>
internal sealed class GatedPostedTexts(string gatedText) : IPostedTexts
{
    private readonly PostedTexts _texts = new();
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the service call for the gated text has begun (and is blocked).</summary>
    public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public void Add(string text)
    {
        if (text == gatedText && !_open.Task.IsCompleted)
        {
            Blocked.TrySetResult();
            _open.Task.Wait(TimeSpan.FromMinutes(2));
        }
        _texts.Add(text);
    }

    public string[] StartingWith(string prefix) => _texts.StartingWith(prefix);

    public int Count(string text) => _texts.Count(text);
}
