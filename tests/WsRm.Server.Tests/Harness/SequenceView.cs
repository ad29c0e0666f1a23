namespace WsRm.Server.Tests.Harness;

/// <summary>A wsrm:Sequence header as received.</summary>
internal sealed record SequenceView(string Identifier, ulong MessageNumber, bool LastMessage);
