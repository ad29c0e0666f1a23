namespace WsRm.Protocol.ReliableMessaging;

/// <summary>The <c>wsrm:AckRequested</c> header.</summary>
/// <param name="Identifier">The sequence whose acknowledgement is requested.</param>
/// <param name="MessageNumber">1.0's optional <c>wsrm:MaxMessageNumberUsed</c> (1.0 §3.2), or null; 1.1 has none.</param>
public sealed record AckRequested(string Identifier, ulong? MessageNumber);
