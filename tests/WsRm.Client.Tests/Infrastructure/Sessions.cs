namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Options and clients for the tests.</summary>
internal static class Sessions
{
    public static WsRmClientOptions Options(Uri address, WsRmVersion rm, WsRmSoapVersion soap, Uri? via = null) => new()
    {
        Address = address,
        Via = via,
        Version = rm,
        Soap = soap,
        InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(200),
        OperationTimeout = TimeSpan.FromSeconds(20),
    };

    public static HttpClient Http() => new(WsRmHttp.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    public static IEnumerable<object[]> Matrix() =>
        from rm in new[] { WsRmVersion.Rm10, WsRmVersion.Rm11 }
        from soap in new[] { WsRmSoapVersion.Soap11, WsRmSoapVersion.Soap12 }
        select new object[] { rm, soap };
}
