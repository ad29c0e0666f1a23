using System.Xml;

namespace WsRm.Client;

/// <summary>
/// One application message (or 1.0's LastMessage) from numbering to its end: accepted by the service (one-way; it
/// stays in the window until acknowledged), answered (request-reply) or failed. A request-reply message that is
/// acknowledged without its reply having arrived (the response carrying it was lost) is sent again at
/// <see cref="ReplyDueAt"/>; the service answers a duplicate from its reply cache.
/// </summary>
internal sealed class PendingCall(string action, Action<XmlWriter>? writeBody, bool oneWay, string messageId)
{
    private readonly TaskCompletionSource<WsRmReply?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Action { get; } = action;
    public Action<XmlWriter>? WriteBody { get; } = writeBody;
    public bool OneWay { get; } = oneWay;
    public string MessageId { get; } = messageId;
    public bool LastMessage { get; init; }
    public ulong Number { get; set; }

    /// <summary>
    /// True for a one-way message (and 1.0's LastMessage): it completes once a transmission is answered (HTTP 202 or a
    /// response), as WCF's one-way calls do, and stays in the window until acknowledged.
    /// </summary>
    public bool CompletesOnAnswer => OneWay || LastMessage;

    /// <summary>When to send again a request acknowledged without a reply; null while unacknowledged or once done.</summary>
    public DateTimeOffset? ReplyDueAt { get; set; }

    /// <summary>HTTP requests carrying this message whose response has not come back yet.</summary>
    public int InFlight { get; set; }

    /// <summary>Resends made to recover a lost reply.</summary>
    public int ReplyResends { get; set; }

    /// <summary>Resends to recover the reply that failed at the transport level; they pace the quick retries.</summary>
    public int ReplyFailures { get; set; }

    public Task<WsRmReply?> Task => _done.Task;
    public bool IsDone => _done.Task.IsCompleted;

    public void Complete(WsRmReply? reply) => _done.TrySetResult(reply);
    public void Fail(Exception error) => _done.TrySetException(error);
}
