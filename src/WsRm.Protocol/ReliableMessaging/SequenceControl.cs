namespace WsRm.Protocol.ReliableMessaging;

/// <summary>
/// The body of CloseSequence, CloseSequenceResponse, TerminateSequence or TerminateSequenceResponse: all carry an
/// identifier, and the requests of 1.1 an optional <c>LastMsgNumber</c>.
/// </summary>
/// <param name="Kind">Which of the four bodies.</param>
/// <param name="Identifier">The sequence.</param>
/// <param name="LastMessageNumber">1.1 <c>LastMsgNumber</c>, or null.</param>
public sealed record SequenceControl(SequenceControlKind Kind, string Identifier, ulong? LastMessageNumber);
