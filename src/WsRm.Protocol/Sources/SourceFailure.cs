using System.Globalization;
using WsRm.Protocol.Faults;

namespace WsRm.Protocol.Sources;

/// <summary>Why a source sequence is Faulted, in words the caller can put in an exception.</summary>
/// <param name="Kind">The category.</param>
/// <param name="Message">A sentence naming the sequence and, where there is one, the message and the attempts.</param>
internal sealed record SourceFailure(SourceFailureKind Kind, string Message)
{
    /// <summary>The message number concerned, when there is one.</summary>
    public ulong? MessageNumber { get; init; }

    /// <summary>Transmissions of <see cref="MessageNumber"/> made, for <see cref="SourceFailureKind.RetriesExhausted"/>.</summary>
    public int? Attempts { get; init; }

    /// <summary>What the last failed transmission reported (connection refused, HTTP 503, …), when one failed.</summary>
    public string? LastTransportError { get; init; }

    /// <summary>The WS-RM fault received or to send, when there is one.</summary>
    public WsRmFault? Fault { get; init; }

    /// <summary>
    /// Message <paramref name="number"/> was transmitted <paramref name="attempts"/> times without an acknowledgement;
    /// <paramref name="lastTransportError"/> says how the last failed transmission failed, when one did.
    /// </summary>
    public static SourceFailure RetriesExhausted(string? sequenceId, ulong number, int attempts, string? lastTransportError = null) =>
        new(SourceFailureKind.RetriesExhausted, string.Create(CultureInfo.InvariantCulture,
            $"Message {number} of sequence {sequenceId} was not acknowledged after {attempts} transmissions.")
            + (lastTransportError is null ? "" : $" The last transport error: {lastTransportError}"))
        { MessageNumber = number, Attempts = attempts, LastTransportError = lastTransportError };

    /// <summary>The destination's acknowledgement was invalid for the reason given.</summary>
    public static SourceFailure InvalidAcknowledgement(InvalidAcknowledgementFault fault, string why) =>
        new(SourceFailureKind.InvalidAcknowledgement, $"Invalid acknowledgement for sequence {fault.Identifier}: {why}") { Fault = fault };

    /// <summary>The destination sent a final acknowledgement while <paramref name="unacknowledged"/> messages were missing.</summary>
    public static SourceFailure DestinationClosed(string? sequenceId, int unacknowledged) =>
        new(SourceFailureKind.DestinationClosed, string.Create(CultureInfo.InvariantCulture,
            $"The destination closed sequence {sequenceId} with {unacknowledged} message(s) unacknowledged."));

    /// <summary>The destination answered with <paramref name="fault"/>.</summary>
    public static SourceFailure RemoteFault(WsRmFault fault) =>
        new(SourceFailureKind.RemoteFault, $"The destination faulted sequence {fault.Identifier}: {fault}") { Fault = fault };

    /// <summary>Nothing was heard from the destination for <paramref name="timeout"/>.</summary>
    public static SourceFailure Inactive(string? sequenceId, TimeSpan timeout) =>
        new(SourceFailureKind.InactivityTimeout, string.Create(CultureInfo.InvariantCulture,
            $"Nothing was received for sequence {sequenceId} within the inactivity timeout of {timeout}."));
}
