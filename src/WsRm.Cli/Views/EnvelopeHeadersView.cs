using WsRm.Protocol;
using WsRm.Protocol.Soap;

namespace WsRm.Cli.Views;

/// <summary>
/// The SOAP headers of a stored envelope that tell an operator what the message is: WS-Addressing's Action, MessageID,
/// To, ReplyTo and RelatesTo, and the WS-RM Sequence header (identifier, message number, 1.0's LastMessage).
/// </summary>
internal sealed record EnvelopeHeadersView
{
    public string? Soap { get; init; }
    public string? Action { get; init; }
    public string? MessageId { get; init; }
    public string? To { get; init; }
    public string? ReplyTo { get; init; }
    public string? RelatesTo { get; init; }
    public string? RmVersion { get; init; }
    public string? SequenceId { get; init; }
    public ulong? MessageNumber { get; init; }
    public bool? LastMessage { get; init; }

    /// <summary>Why the headers could not be read (not a SOAP envelope, not well-formed), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The headers of <paramref name="envelope"/>, read as the server reads them (<see cref="EnvelopeReader"/>).</summary>
    public static EnvelopeHeadersView Read(byte[] envelope)
    {
        SoapMessage message;
        try
        {
            message = EnvelopeReader.Read(envelope);
        }
        catch (Exception e) when (e is SoapParseException or SoapVersionMismatchException)
        {
            return new EnvelopeHeadersView { Error = e.Message };
        }
        var addressing = message.Addressing;
        return new EnvelopeHeadersView
        {
            Soap = message.Version.Name,
            Action = addressing.Action,
            MessageId = addressing.MessageId,
            To = addressing.To,
            ReplyTo = addressing.ReplyTo?.Address,
            RelatesTo = addressing.RelatesTo,
            RmVersion = message.RmVersion?.Name,
            SequenceId = message.Sequence?.Identifier,
            MessageNumber = message.Sequence?.MessageNumber,
            LastMessage = message.Sequence?.LastMessage,
        };
    }
}
