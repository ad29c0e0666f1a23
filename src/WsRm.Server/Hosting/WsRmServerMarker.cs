namespace WsRm.Server.Hosting;

/// <summary>Registered by <c>AddWsRmServer</c> so that <c>Map…</c> can tell whether it was called.</summary>
internal sealed class WsRmServerMarker;
