using WsRm.Storage;

namespace WsRm.Server.Queues;

/// <summary>
/// What becomes of a message whose delivery failed, WCF's retry scheme as a pure decision: retry at once until
/// ReceiveRetryCount retries are spent, then wait RetryCycleDelay for the next cycle, and after MaxRetryCycles cycles
/// apply ReceiveErrorHandling. Returns the message as it must be stored, or null when it is to be deleted (Drop).
/// </summary>
internal static class PoisonPolicy
{
    public static StoredMessage? AfterFailure(StoredMessage message, WsRmQueueOptions options, DateTimeOffset now, string error)
    {
        var failed = message with { Attempts = message.Attempts + 1, LeaseUntil = null, LastError = error };
        if (failed.Attempts <= options.ReceiveRetryCount) return failed with { State = MessageState.Ready, NotBefore = null };
        var cycles = failed.Cycles + 1;
        if (cycles <= options.MaxRetryCycles)
            return failed with { State = MessageState.Ready, Attempts = 0, Cycles = cycles, NotBefore = now + options.RetryCycleDelay };
        return options.ReceiveErrorHandling switch
        {
            ReceiveErrorHandling.Drop => null,
            ReceiveErrorHandling.Fault => failed with { State = MessageState.Faulted, Cycles = cycles },
            ReceiveErrorHandling.Reject => failed with { State = MessageState.Rejected, Cycles = cycles },
            _ => failed with { State = MessageState.Parked, Cycles = cycles },
        };
    }

    /// <summary>True when <paramref name="message"/>, as stored after a failure, is poison.</summary>
    public static bool IsPoison(StoredMessage? message) =>
        message is null || message.State is MessageState.Parked or MessageState.Rejected or MessageState.Faulted;
}
