namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>A dead letter as <c>wsrm deadletter list --json</c> shows it (the fields the tests check).</summary>
public sealed record DeadLetterLine(long Id, string Queue, string DeadReason);
