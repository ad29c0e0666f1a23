namespace WsRm.Host.Services;

/// <summary>
/// Records each queued post with the others (<see cref="IPostedTexts"/>): in the store, in the transaction that takes the
/// message off the queue, so each text is recorded exactly once even if the server crashes meanwhile.
/// </summary>
public sealed class PostQueueService(IPostedTexts posted) : IPostQueue
{
    /// <inheritdoc />
    public void Post(string text) => posted.Add(text ?? string.Empty);
}
