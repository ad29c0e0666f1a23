using WsRm.Client;
using WsRm.Samples.Client;
using WsRm.Samples.Contracts;

var address = args.FirstOrDefault(a => a.StartsWith("http", StringComparison.Ordinal)) ?? "http://127.0.0.1:5080/echo";
if (args.Contains("queued"))
{
    await QueuedPosts.SendAsync(new Uri(address));
    return;
}

using var factory = new WsRmChannelFactory<IEchoService>(new WsRmClientOptions
{
    Address = new Uri(address),                           // the service (Via and an HttpClient: proxies, intermediaries)
    Version = WsRmVersion.Rm11,                           // or Rm10 (WCF's WSHttpBinding default)
    Soap = WsRmSoapVersion.Soap12,                        // or Soap11
});
IEchoService echo = factory.CreateChannel();              // opens its session on the first call
Console.WriteLine(echo.Echo("hello"));                    // sync and Task-returning methods, one-way operations
echo.Post("fire and forget");                             // returns once the service accepted it (its HTTP answer)
Console.WriteLine(string.Join(", ", echo.Received("fire")));   // runs after the Post: one session runs in order

await ((IWsRmChannel)echo).CloseAsync();                  // waits for every acknowledgement, then Close/Terminate
