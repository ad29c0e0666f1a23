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

    /// <summary>
    /// WS-RM 1.0: the destination's answer to TerminateSequence, the last word on the sequence, left messages
    /// <paramref name="unacknowledged"/> (ascending) unacknowledged; <paramref name="answer"/> says what the answer
    /// was, when known. <see cref="MessageNumber"/> is the first of them.
    /// </summary>
    public static SourceFailure TerminatedUnacknowledged(string? sequenceId, IReadOnlyList<ulong> unacknowledged, string? answer = null) =>
        new(SourceFailureKind.DestinationClosed, string.Create(CultureInfo.InvariantCulture,
            $"The destination terminated sequence {sequenceId} without acknowledging message(s) {List(unacknowledged)}: they may not have been delivered.")
            + (answer is null ? "" : $" Its answer to TerminateSequence: {answer}."))
        { MessageNumber = unacknowledged.Count > 0 ? unacknowledged[0] : null };

    /// <summary>The destination answered with <paramref name="fault"/>.</summary>
    public static SourceFailure RemoteFault(WsRmFault fault) =>
        new(SourceFailureKind.RemoteFault, $"The destination faulted sequence {fault.Identifier}: {fault}") { Fault = fault };

    /// <summary>Nothing was heard from the destination for <paramref name="timeout"/>.</summary>
    public static SourceFailure Inactive(string? sequenceId, TimeSpan timeout) =>
        new(SourceFailureKind.InactivityTimeout, string.Create(CultureInfo.InvariantCulture,
            $"Nothing was received for sequence {sequenceId} within the inactivity timeout of {timeout}."));

    // "3, 4, 9" (the first ten, then "…").
    private static string List(IReadOnlyList<ulong> numbers) =>
        string.Join(", ", numbers.Take(10).Select(n => n.ToString(CultureInfo.InvariantCulture))) + (numbers.Count > 10 ? ", …" : "");
}
