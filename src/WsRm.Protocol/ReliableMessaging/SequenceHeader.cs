namespace WsRm.Protocol.ReliableMessaging;

/// <summary>The <c>wsrm:Sequence</c> header that numbers a message.</summary>
/// <param name="Identifier">Sequence id.</param>
/// <param name="MessageNumber">1-based message number.</param>
/// <param name="LastMessage">1.0's <c>LastMessage</c> marker.</param>
public sealed record SequenceHeader(string Identifier, ulong MessageNumber, bool LastMessage);
