namespace WsRm.Client.Tests.Infrastructure;

/// <summary>A message the <see cref="SoapRouter"/> handled: its addressing headers, where it went, and the answer.</summary>
/// <param name="Request">The request's SOAP/WS-Addressing headers.</param>
/// <param name="Destination">The physical URL it was forwarded to, or null when it had no route.</param>
/// <param name="Status">The HTTP status returned to the sender.</param>
/// <param name="Response">The response body returned to the sender.</param>
internal sealed record RoutedMessage(EnvelopeHeaders Request, Uri? Destination, int Status, byte[] Response);
