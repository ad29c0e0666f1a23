namespace WsRm.Interop.Tests.Metadata;

/// <summary>One POST the server answered: its path, the request body and the response body as they were on the wire.</summary>
public sealed record CapturedExchange(string Path, int Status, string Request, string Response);
