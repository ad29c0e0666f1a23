using WsRm.Protocol.Faults;

namespace WsRm.Server.Diagnostics;

/// <summary>Why a sequence ended, in the words of the end-of-sequence log (event 20, <see cref="WsRmServerLog.SequenceEnded"/>).</summary>
internal readonly record struct SequenceEndReason(string Words)
{
    /// <summary>TerminateSequence from its source (WS-RM 1.1 §3.6, 1.0 §3.5); what it acknowledged is still delivered.</summary>
    public static SequenceEndReason TerminatedBySource => new("terminated by its source (TerminateSequence)");

    /// <summary>A durable sequence found terminated in the store at startup, its acknowledged messages delivered since.</summary>
    public static SequenceEndReason TerminatedBeforeRestart => new("terminated by its source before the host restarted");

    /// <summary>A durable sequence that had ended (terminated or expired) and left memory on a store failure while its acknowledged messages were delivered; read again once the store answered, the rest delivered.</summary>
    public static SequenceEndReason EndedBeforeStoreFailure => new("terminated or expired before a store failure interrupted the delivery of what it had acknowledged");

    /// <summary>Silent for <see cref="WsRmServerOptions.InactivityTimeout"/>.</summary>
    public static SequenceEndReason Inactive(TimeSpan inactivityTimeout) =>
        new($"no message from its source for {inactivityTimeout} (InactivityTimeout)");

    /// <summary>A sequence-level fault was sent (or a new sequence could not be kept).</summary>
    public static SequenceEndReason Fault(WsRmFault fault) => new("the fault " + fault.Subcode + " was sent: " + fault switch
    {
        SequenceTerminatedFault t => t.Problem,
        CreateSequenceRefusedFault r => r.Problem,
        _ => fault.Reason,
    });

    /// <summary>The service threw an unexpected exception (WCF faults the session then).</summary>
    public static SequenceEndReason ServiceFailure(string action) =>
        new($"the service threw an unexpected exception processing {action} (as WCF faults a session whose service failed)");

    /// <summary>The server itself failed delivering a message.</summary>
    public static SequenceEndReason DeliveryFailure => new("the server failed delivering a message");

    /// <summary>The host stops: a sequence in memory does not outlive the process (a durable one does, and is not ended).</summary>
    public static SequenceEndReason HostStopping => new("the host is stopping and the sequence is kept in memory only");

    public override string ToString() => Words;
}
