namespace WsRm.Protocol.ReliableMessaging;

/// <summary>A closed range of message numbers, <c>wsrm:AcknowledgementRange Lower=".." Upper=".."</c>.</summary>
public readonly record struct AckRange(ulong Lower, ulong Upper)
{
    /// <summary>True when <paramref name="number"/> lies in the range.</summary>
    public bool Contains(ulong number) => number >= Lower && number <= Upper;

    /// <inheritdoc />
    public override string ToString() => Lower == Upper ? Lower.ToString() : $"{Lower}-{Upper}";
}
