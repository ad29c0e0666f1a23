using Microsoft.Extensions.Logging;
using WsRm.Protocol.Contracts;
using WsRm.Server.Diagnostics;
using WsRm.Server.Dispatch;

namespace WsRm.Server.Hosting;

/// <summary>What the host does with a failed operation besides answering: log unexpected errors, and absorb faults of one-way operations.</summary>
internal static class OperationFailures
{
    /// <summary>
    /// Logs an unexpected service error (the fault sent says nothing of it). A one-way operation has no reply to
    /// carry a fault: as in WCF, its failure is logged and the message counts as delivered, since it was accepted
    /// and acknowledged and a fault would break the client's session.
    /// </summary>
    public static OperationResult Review(OperationDispatcher operation, OperationResult result, ILogger logger)
    {
        if (result.FaultValue is not { } fault) return result;
        if (operation.IsOneWay)
        {
            WsRmServerLog.OneWayOperationFailed(logger, operation.Action, fault.Reason, result.Exception);
            return OperationResult.OneWayFailure(result);
        }
        if (result.Exception is { } e) WsRmServerLog.OperationFailed(logger, operation.Action, e);
        return result;
    }
}
