namespace WsRm.Protocol.ReliableMessaging;

/// <summary>The <c>wsrm:AckRequested</c> header.</summary>
/// <param name="Identifier">The sequence whose acknowledgement is requested.</param>
/// <param name="MessageNumber">1.0's optional highest message number, or null.</param>
public sealed record AckRequested(string Identifier, ulong? MessageNumber);
