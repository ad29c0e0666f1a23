namespace WsRm.Client;

/// <summary>An HTTP exchange that produced no usable SOAP answer (a status other than 200/500, not SOAP, too large).</summary>
internal sealed class TransportException(string message, Exception? inner = null) : Exception(message, inner);
