namespace WsRm.Protocol.Sequences;

/// <summary>The bounds of one destination sequence.</summary>
/// <param name="Window">Messages that may be received but not yet delivered.</param>
/// <param name="MaxRanges">Acknowledgement ranges kept; a message that would open one more is dropped.</param>
public sealed record DestinationSequenceLimits(int Window = 8, int MaxRanges = 128);
