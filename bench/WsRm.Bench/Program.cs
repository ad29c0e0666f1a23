using BenchmarkDotNet.Running;
using WsRm.Bench;
using WsRm.Bench.ClientLoad;

// dotnet run -c Release --project bench/WsRm.Bench -- echo [--calls N] [--seconds S]
//   sequential echo calls with the real WCF client against an in-process host on loopback: reliable vs plain.
// dotnet run -c Release --project bench/WsRm.Bench -- server [--calls N] [--rounds R]
//   the server alone: raw WS-RM 1.1 envelopes over HttpClient, 1 and 16 sessions at once.
// dotnet run -c Release --project bench/WsRm.Bench -- client [--rounds R] [--messages N] [--warmup N] [--sessions 1,16] [--callers 8,1]
//     [--workloads oneway,echo] [--clients wcf,wsrm,typed] [--window W] [--server-window W] [--timeout S] [--host path/WsRm.Host.dll]
//   the real WCF client vs WsRmSession vs WsRmChannelFactory proxies, same run, same server (the built host in a child
//   process): msgs/s, bytes allocated per message in the client process, failures, HTTP requests, CPU per message.
// dotnet run -c Release --project bench/WsRm.Bench -- durable [--messages N] [--rounds R] [--sessions 1,16] [--callers 8] [--postgres "<conn>"] [--no-wcf]
//   one-way messages per second with our client: in memory, durable SQLite, durable PostgreSQL; the WCF client on
//   durable SQLite; commits (flushes) per message. Client and server in one process.
// dotnet run -c Release --project bench/WsRm.Bench -- micro [BenchmarkDotNet args]
//   BenchmarkDotNet on the protocol hot paths (server: envelope read/write, sequence state; client: request and reply envelopes).
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(EnvelopeBenchmarks).Assembly).Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "server")
{
    return await RawLoad.RunAsync(BenchArgs.Parse(args[1..]));
}
if (args.Length > 0 && args[0] == "durable")
{
    return await WsRm.Bench.DurableLoad.DurableLoadCommand.RunAsync(WsRm.Bench.DurableLoad.DurableArgs.Parse(args[1..]));
}
if (args.Length > 0 && args[0] == "client")
{
    return await ClientLoadCommand.RunAsync(ClientLoadArgs.Parse(args[1..]));
}
if (args.Length == 0 || args[0] == "echo")
{
    return await EchoLoad.RunAsync(BenchArgs.Parse(args.Length == 0 ? [] : args[1..]));
}
Console.Error.WriteLine("usage: WsRm.Bench echo [--calls N] [--warmup N] [--rounds R] | server [--calls N] [--rounds R] | client [--rounds R] [--messages N] [--sessions 1,16] [--callers 8,1] [--clients wcf,wsrm,typed] | micro [BenchmarkDotNet args]");
return 2;
