using WsRm.Protocol.Addressing;

namespace WsRm.Protocol.ReliableMessaging;

/// <summary>The sequence a source offers for messages flowing back (replies), inside CreateSequence.</summary>
/// <param name="Identifier">The offered sequence id.</param>
/// <param name="Endpoint">Where the offered sequence's acks go (1.1; required there).</param>
/// <param name="Expires">Requested lifetime, or null for none.</param>
/// <param name="IncompleteSequenceBehavior">1.1's behaviour for the offered sequence, or null.</param>
public sealed record Offer(string Identifier, EndpointReference? Endpoint, TimeSpan? Expires, IncompleteSequenceBehavior? IncompleteSequenceBehavior);
