namespace WsRm.Client.Tests.Network;

/// <summary>One line of squid's native access.log: <c>time elapsed client result/status bytes method URL user hierarchy type</c>.</summary>
internal sealed record SquidLogEntry(string Result, int Status, string Method, string Url, string User)
{
    /// <summary>
    /// False for the lines squid writes about a connection that carried no request (<c>NONE_NONE/000 -
    /// error:transaction-end-before-headers</c>: a client closing an idle keep-alive connection, a port probe).
    /// </summary>
    public bool IsRequest => Method != "-";

    public static SquidLogEntry? Parse(string line)
    {
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 8) return null;
        var slash = f[3].IndexOf('/');
        if (slash < 0 || !int.TryParse(f[3][(slash + 1)..], out var status)) return null;
        return new SquidLogEntry(f[3][..slash], status, f[5], f[6], f[7]);
    }
}
