namespace WsRm.Client;

/// <summary>
/// Sorts the exception that ended a transmission queue's session, or stopped one from opening, into what the queue does
/// next. No I/O.
/// <list type="bullet">
/// <item>A WS-RM fault about the sequence (<c>UnknownSequence</c>, <c>SequenceTerminated</c>, <c>SequenceClosed</c>,
/// <c>MessageNumberRollover</c>, <c>LastMessageNumberExceeded</c>, <c>InvalidAcknowledgement</c>) once it exists:
/// <see cref="DeliveryFailureKind.SequenceLost"/>.</item>
/// <item><c>CreateSequenceRefused</c> or any WS-RM fault answering CreateSequence, a SOAP fault, an HTTP status retrying
/// cannot change (<see cref="TransportErrors.IsPermanentStatus"/>), and an answer to CreateSequence that is not a
/// CreateSequenceResponse accepting the offer: <see cref="DeliveryFailureKind.Refused"/>.</item>
/// <item>Anything else (unreachable, 5xx, timeouts, retries or inactivity run out):
/// <see cref="DeliveryFailureKind.Transient"/>.</item>
/// </list>
/// </summary>
internal static class DeliveryFailure
{
    /// <summary>What <paramref name="error"/> means; <paramref name="opening"/> when it ended CreateSequence.</summary>
    public static DeliveryFailureKind Classify(Exception error, bool opening)
    {
        ArgumentNullException.ThrowIfNull(error);
        switch (error)
        {
            case WsRmFaultException:
                return opening ? DeliveryFailureKind.Refused : DeliveryFailureKind.SequenceLost;
            case SoapFaultException:
                return DeliveryFailureKind.Refused;
            case HttpRequestException { StatusCode: { } status }:
                return TransportErrors.IsPermanentStatus(status) ? DeliveryFailureKind.Refused : DeliveryFailureKind.Transient;
            case WsRmSessionFaultedException { InnerException: { } inner }:
                return Classify(inner, opening);
            case WsRmSessionFaultedException when opening:
                // CreateSequence answered, but not with a usable CreateSequenceResponse (an empty answer, another
                // action, the offer refused): the service is not a WS-RM destination this client can use.
                return DeliveryFailureKind.Refused;
            default:
                return DeliveryFailureKind.Transient;
        }
    }

    /// <summary>The failure in words, for logs and dead-letter reasons: the message and those of its inner exceptions that add something.</summary>
    public static string Describe(Exception error) => TransportErrors.Describe(error);
}
