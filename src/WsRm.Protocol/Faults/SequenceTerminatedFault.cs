namespace WsRm.Protocol.Faults;

/// <summary>
/// WS-RM 1.1 §4.2: the sequence was terminated because of an unrecoverable error or a protocol violation.
/// <see cref="Problem"/> says which, for logs and the exception a client raises; the wire reason is the spec's.
/// </summary>
public sealed class SequenceTerminatedFault(string identifier, FaultCodeKind code, string problem) : WsRmFault(identifier)
{
    /// <summary>What went wrong, in words.</summary>
    public string Problem { get; } = problem;

    /// <inheritdoc />
    public override string Subcode => "SequenceTerminated";

    /// <inheritdoc />
    public override FaultCodeKind Code => code;

    /// <inheritdoc />
    public override string Reason => "The Sequence has been terminated due to an unrecoverable error. " + Problem;

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Sequence;
}
