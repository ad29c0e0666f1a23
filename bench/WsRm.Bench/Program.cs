using BenchmarkDotNet.Running;
using WsRm.Bench;

// dotnet run -c Release --project bench/WsRm.Bench -- echo [--calls N] [--seconds S]
//   sequential echo calls with the real WCF client against an in-process host on loopback: reliable vs plain.
// dotnet run -c Release --project bench/WsRm.Bench -- server [--calls N] [--rounds R]
//   the server alone: raw WS-RM 1.1 envelopes over HttpClient, 1 and 16 sessions at once.
// dotnet run -c Release --project bench/WsRm.Bench -- micro [BenchmarkDotNet args]
//   BenchmarkDotNet on the protocol hot paths (envelope read/write, sequence state).
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(EnvelopeBenchmarks).Assembly).Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "server")
{
    return await RawLoad.RunAsync(BenchArgs.Parse(args[1..]));
}
if (args.Length == 0 || args[0] == "echo")
{
    return await EchoLoad.RunAsync(BenchArgs.Parse(args.Length == 0 ? [] : args[1..]));
}
Console.Error.WriteLine("usage: WsRm.Bench echo [--calls N] [--warmup N] [--rounds R] | server [--calls N] [--rounds R] | micro [BenchmarkDotNet args]");
return 2;
