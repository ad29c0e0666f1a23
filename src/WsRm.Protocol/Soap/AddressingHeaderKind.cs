namespace WsRm.Protocol.Soap;

/// <summary>The WS-Addressing headers a message may carry, as flags to note which were already read.</summary>
[Flags]
internal enum AddressingHeaderKind
{
    None = 0,
    To = 1,
    Action = 2,
    MessageId = 4,
    RelatesTo = 8,
    ReplyTo = 16,
    FaultTo = 32,
    From = 64,
}
