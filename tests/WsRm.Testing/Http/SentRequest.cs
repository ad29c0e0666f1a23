namespace WsRm.Testing;

/// <summary>One HTTP request a client sent, as <see cref="TrafficRecorder"/> saw it leave.</summary>
/// <param name="Index">Its position among the client's requests, from 0.</param>
/// <param name="Action">The envelope's wsa:Action, or null when it is not a SOAP envelope with one.</param>
/// <param name="Body">The request body as UTF-8 text.</param>
public sealed record SentRequest(int Index, string? Action, string Body)
{
    /// <summary>The envelope's wsrm:Sequence identifier, when it has a Sequence header.</summary>
    public string? SequenceId { get; init; }

    /// <summary>The envelope's wsrm:Sequence message number, when it has a Sequence header.</summary>
    public ulong? MessageNumber { get; init; }

    /// <summary>True when the body mentions <paramref name="identifier"/> (a Sequence, AckRequested, Close, Terminate or acknowledgement of it).</summary>
    public bool Mentions(string identifier) => Body.Contains(identifier, StringComparison.Ordinal);
}
