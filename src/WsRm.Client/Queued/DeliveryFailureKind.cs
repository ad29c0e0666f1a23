namespace WsRm.Client;

/// <summary>What a failed session means for a transmission queue's messages (see <see cref="DeliveryFailure"/>).</summary>
internal enum DeliveryFailureKind
{
    /// <summary>The destination could not be reached or did not answer in time: try again later, the messages wait.</summary>
    Transient,

    /// <summary>The destination no longer knows the sequence, or ended it: go on with a new one (<see cref="SequenceLoss"/>).</summary>
    SequenceLost,

    /// <summary>The destination refused delivery with an answer retrying cannot change; counted toward <see cref="WsRmQueuedClientOptions.MaxRefusals"/>.</summary>
    Refused,
}
