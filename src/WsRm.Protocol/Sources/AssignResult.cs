namespace WsRm.Protocol.Sources;

/// <summary>The outcome of numbering a message: the number, or why there is none.</summary>
/// <param name="Outcome">Assigned, or why not.</param>
/// <param name="Number">The message number when assigned, else 0.</param>
internal readonly record struct AssignResult(AssignOutcome Outcome, ulong Number)
{
    /// <summary>True when a number was assigned.</summary>
    public bool IsAssigned => Outcome == AssignOutcome.Assigned;

    internal static AssignResult Refused(AssignOutcome outcome) => new(outcome, 0);
}
