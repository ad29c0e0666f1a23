using WsRm.Protocol.Addressing;

namespace WsRm.Protocol.ReliableMessaging;

/// <summary>The CreateSequence request body (WS-RM 1.1 §3.4, 1.0 §3.4).</summary>
/// <param name="AcksTo">Where acknowledgements for the new sequence go.</param>
/// <param name="Expires">Requested lifetime, or null.</param>
/// <param name="Offer">An offered sequence for the opposite direction, or null.</param>
public sealed record CreateSequence(EndpointReference AcksTo, TimeSpan? Expires, Offer? Offer);
