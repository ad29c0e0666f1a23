namespace WsRm.Testing;

/// <summary>A service's answer as a <see cref="LossyForwarder"/> read it: status, content type and the whole body.</summary>
internal sealed record CapturedResponse(int Status, string? ContentType, byte[] Body);
