namespace WsRm.Storage;

/// <summary>
/// The store could not be reached or failed to write; nothing of the batch was committed. A server answers the message
/// with a retryable failure (HTTP 503), so its source retransmits it; the store is tried again on the next message.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
