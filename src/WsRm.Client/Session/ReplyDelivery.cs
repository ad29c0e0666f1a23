namespace WsRm.Client;

/// <summary>An accepted reply on its way to its caller: the reply or the application fault; no caller when it gave up.</summary>
internal sealed record ReplyDelivery(PendingCall? Call, WsRmReply? Reply, Exception? Error);
