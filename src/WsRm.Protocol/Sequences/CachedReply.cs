using System.Xml;
using WsRm.Protocol.Faults;

namespace WsRm.Protocol.Sequences;

/// <summary>A reply kept on the reply sequence until it is acknowledged, to answer a retransmitted request.</summary>
/// <param name="ReplyNumber">Its number on the reply sequence.</param>
/// <param name="Action">Its action.</param>
/// <param name="WriteBody">Writes its body (null when it is a fault).</param>
/// <param name="Fault">The fault it carries, or null.</param>
/// <param name="LastMessage">True for 1.0's LastMessage that closes the reply sequence.</param>
/// <param name="FaultInBody">True when <paramref name="WriteBody"/> writes a fault rendered earlier (a stored reply): sent as a fault.</param>
public sealed record CachedReply(ulong ReplyNumber, string? Action, Action<XmlWriter>? WriteBody, SoapFault? Fault, bool LastMessage = false,
    bool FaultInBody = false);
