namespace WsRm.Server;

/// <summary>
/// Gives a service the <see cref="WsRmTransaction"/> of the message it is processing, like <c>IHttpContextAccessor</c>
/// gives the HTTP context: inject it (a singleton, added by <c>AddWsRmServer</c>) and read <see cref="Current"/>
/// during the call.
/// </summary>
public sealed class WsRmTransactionAccessor
{
    private static readonly AsyncLocal<WsRmTransaction?> Ambient = new();

    /// <summary>The transaction of the message being processed, or null outside a durable endpoint's call.</summary>
    public WsRmTransaction? Current => Ambient.Value;

    internal static void Set(WsRmTransaction? transaction) => Ambient.Value = transaction;
}
