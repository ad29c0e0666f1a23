namespace WsRm.Client;

/// <summary>Marks that <c>AddWsRmQueuedClient</c> registered the forwarder of <typeparamref name="TContract"/>'s queue, so a second call does not add another.</summary>
internal sealed class QueuedClientMarker<TContract>;
