using WsRm.Host.Services;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// The sample service's posted texts (in memory, or <paramref name="inner"/>), where adding one chosen text blocks
/// until the test opens the gate: a service call that is still running when the test wants it to be.
/// <paramref name="beforeBlocking"/> runs in that call first (e.g. to begin the store's transaction).
/// </summary>
internal sealed class GatedPostedTexts(string gatedText, IPostedTexts? inner = null, Action? beforeBlocking = null) : IPostedTexts
{
    private readonly IPostedTexts _texts = inner ?? new PostedTexts();
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the service call for the gated text has begun (and is blocked).</summary>
    public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public void Add(string text)
    {
        if (text == gatedText && !_open.Task.IsCompleted)
        {
            beforeBlocking?.Invoke();
            Blocked.TrySetResult();
            _open.Task.Wait(TimeSpan.FromMinutes(2));
        }
        _texts.Add(text);
    }

    public string[] StartingWith(string prefix) => _texts.StartingWith(prefix);

    public int Count(string text) => _texts.Count(text);
}
