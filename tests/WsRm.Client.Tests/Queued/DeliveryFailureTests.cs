using System.Net;
using System.Xml;

namespace WsRm.Client.Tests.Queued;

/// <summary>How the exception that ended a queue's session, or stopped one from opening, is sorted.</summary>
public sealed class DeliveryFailureTests
{
    private static WsRmFaultException RmFault(string subcode) => new(subcode, "Sender", "reason", "urn:uuid:s");

    public static IEnumerable<object[]> Cases() =>
    [
        ["UnknownSequence mid-session", RmFault("UnknownSequence"), false, DeliveryFailureKind.SequenceLost],
        ["SequenceTerminated mid-session", RmFault("SequenceTerminated"), false, DeliveryFailureKind.SequenceLost],
        ["CreateSequenceRefused", RmFault("CreateSequenceRefused"), true, DeliveryFailureKind.Refused],
        ["a SOAP fault", new SoapFaultException(new XmlQualifiedName("ActionNotSupported", "http://www.w3.org/2005/08/addressing"), null, "no", null, null), false, DeliveryFailureKind.Refused],
        ["HTTP 404 in the session", new WsRmSessionFaultedException("cannot send", new HttpRequestException("404", null, HttpStatusCode.NotFound)), false, DeliveryFailureKind.Refused],
        ["HTTP 401 at CreateSequence", new WsRmSessionFaultedException("CreateSequence failed", new HttpRequestException("401", null, HttpStatusCode.Unauthorized)), true, DeliveryFailureKind.Refused],
        ["an empty answer to CreateSequence", new WsRmSessionFaultedException("CreateSequence was answered with an empty HTTP response."), true, DeliveryFailureKind.Refused],
        ["retries run out, connection refused", new WsRmSessionFaultedException("not acknowledged", new HttpRequestException(HttpRequestError.ConnectionError, "refused")), false, DeliveryFailureKind.Transient],
        ["CreateSequence unanswered", new WsRmSessionFaultedException("not answered", new TransportException("HTTP 503 Service Unavailable")), true, DeliveryFailureKind.Transient],
        ["HTTP 503 status", new WsRmSessionFaultedException("x", new HttpRequestException("503", null, HttpStatusCode.ServiceUnavailable)), false, DeliveryFailureKind.Transient],
        ["inactivity", new WsRmSessionFaultedException("Nothing was received"), false, DeliveryFailureKind.Transient],
        ["a timeout", new TimeoutException("CreateSequence was not answered"), true, DeliveryFailureKind.Transient],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Failures_are_sorted_into_what_the_queue_does_next(string what, Exception error, bool opening, object expected)
    {
        Assert.True(expected.Equals(DeliveryFailure.Classify(error, opening)), what);
    }

    [Fact]
    public void A_WsRm_fault_answering_CreateSequence_is_a_refusal_and_later_a_lost_sequence()
    {
        Assert.Equal(DeliveryFailureKind.Refused, DeliveryFailure.Classify(RmFault("UnknownSequence"), opening: true));
        Assert.Equal(DeliveryFailureKind.SequenceLost, DeliveryFailure.Classify(new WsRmSessionFaultedException("faulted", RmFault("UnknownSequence")), opening: false));
    }
}
