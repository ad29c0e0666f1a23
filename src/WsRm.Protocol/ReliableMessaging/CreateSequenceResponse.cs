using WsRm.Protocol.Addressing;

namespace WsRm.Protocol.ReliableMessaging;

/// <summary>The CreateSequenceResponse body.</summary>
/// <param name="Identifier">The id of the created sequence.</param>
/// <param name="Expires">Granted lifetime, or null for none.</param>
/// <param name="IncompleteSequenceBehavior">1.1 only; null to leave it out.</param>
/// <param name="AcceptAcksTo">When an Offer was accepted: where acks for the offered sequence go; else null.</param>
public sealed record CreateSequenceResponse(string Identifier, TimeSpan? Expires, IncompleteSequenceBehavior? IncompleteSequenceBehavior, EndpointReference? AcceptAcksTo);
