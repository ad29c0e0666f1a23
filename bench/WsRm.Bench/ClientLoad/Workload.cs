namespace WsRm.Bench.ClientLoad;

/// <summary>What each call of a load round does.</summary>
internal enum Workload
{
    /// <summary>IEchoService.Post: one-way, complete when the service acknowledged it.</summary>
    OneWay,

    /// <summary>IEchoService.Echo: request-reply, complete when the reply arrived.</summary>
    RequestReply,
}
