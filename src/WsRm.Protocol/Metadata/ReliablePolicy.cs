namespace WsRm.Protocol.Metadata;

/// <summary>
/// What the WS-Policy of a reliable endpoint asserts: its sessions' timing, delivery order and flow control, as WCF's
/// <c>ReliableSessionBindingElement</c> exports them.
/// </summary>
/// <param name="InactivityTimeout">Written as <c>InactivityTimeout/@Milliseconds</c> (whole milliseconds).</param>
/// <param name="AcknowledgementInterval">Written as <c>AcknowledgementInterval/@Milliseconds</c>.</param>
/// <param name="Ordered">True adds <c>wsrmp:InOrder</c> to the WS-RM 1.1 delivery assurance (ExactlyOnce is always there).</param>
/// <param name="MaxReceiveBufferSize">
/// Messages a sequence may hold received but not yet delivered, written as WCF's flow-control assertion
/// <c>netrm:RmFlowControl/netrm:MaxReceiveBufferSize</c>; null when flow control is off (no assertion).
/// </param>
internal sealed record ReliablePolicy(TimeSpan InactivityTimeout, TimeSpan AcknowledgementInterval, bool Ordered, int? MaxReceiveBufferSize);
