namespace WsRm.Storage;

/// <summary>
/// The store could not be reached or failed to write; nothing of the batch was committed, but for one case a database
/// server cannot rule out: the connection broke after the commit was sent and before it was answered, and whether it
/// committed is unknown, so a caller assumes neither outcome and reads again before deciding. A server answers the
/// message with a retryable failure (HTTP 503), so its source retransmits it (and finds it accepted, or not); the store
/// is tried again on the next message.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The store's failure among <paramref name="exception"/> and its inner exceptions (however deep code that called the store wrapped it), or null.</summary>
    public static StoreUnavailableException? In(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is StoreUnavailableException unavailable) return unavailable;
        return null;
    }
}
