namespace WsRm.Testing;

/// <summary>One exchange seen by a <see cref="LossyForwarder"/>, in arrival order.</summary>
public sealed class LossyExchange
{
    private int _copies;

    public required int Index { get; init; }

    /// <summary>When the request arrived, since the forwarder started (on the forwarder's clock).</summary>
    public required TimeSpan ArrivedAt { get; init; }

    /// <summary>The wsa:Action, else the SOAPAction header; null without either.</summary>
    public required string? Action { get; init; }

    /// <summary>The wsrm:Sequence header's Identifier and MessageNumber, when the request has one.</summary>
    public required string? SequenceId { get; init; }

    public required ulong? MessageNumber { get; init; }

    /// <summary>The request envelope as text.</summary>
    public required string Body { get; init; }

    /// <summary>Whether a script chose <see cref="Fault"/> (not the random source).</summary>
    public bool Scripted { get; internal set; }

    /// <summary>The fault applied (one that turned out not to apply, such as a replay with nothing to replay, is None).</summary>
    public LossyFault Fault { get; internal set; }

    /// <summary>For a reordering: whether something actually overtook it (else it was released after MaxHold).</summary>
    public bool Overtaken { get; internal set; }

    /// <summary>Copies of the request written to the service.</summary>
    public int Copies => Volatile.Read(ref _copies);

    internal void OnCopyForwarded() => Interlocked.Increment(ref _copies);

    public override string ToString() =>
        $"#{Index} +{ArrivedAt.TotalMilliseconds:0}ms {Action?[(Action.LastIndexOf('/') + 1)..]} {(MessageNumber is { } n ? "msg " + n : "")} {Fault}{(Overtaken ? " (overtaken)" : "")} copies={Copies}";
}
