namespace WsRm.Testing.Wcf;

/// <summary>Failures of the real WCF client (System.ServiceModel.Http 10.1.0) that come from its own races, not from what a server answered.</summary>
public static class WcfClientRaces
{
    /// <summary>
    /// True for "Queue empty" thrown by WCF's <c>TransmissionStrategy.DequeuePending</c>: it completes the callers waiting for
    /// room in the transfer window inline, under its (re-entrant) lock, so one of them can re-enter it on the same thread
    /// and empty the queue the outer call is still taking from. The call whose answer triggered it is told
    /// InvalidOperationException although its message was sent and acknowledged; the channel goes on.
    /// </summary>
    public static bool IsDequeuePendingRace(Exception e) =>
        e is InvalidOperationException && e.StackTrace?.Contains("TransmissionStrategy.DequeuePending", StringComparison.Ordinal) == true;
}
