using System.Globalization;
using System.ServiceModel.Channels;
using WsRm.Testing;

namespace WsRm.Bench.ClientLoad;

/// <summary>Prints what a load run compares: the server, the machine, WCF's defaults and our matching options.</summary>
internal static class SettingsReport
{
    public static void Print(ClientLoadArgs args, HostProcess host, string hostDll, Uri address, TextWriter output)
    {
        var binding = WcfLoadClient.CreateBinding();
        var rm = binding.Elements.Find<ReliableSessionBindingElement>()!;
        var encoding = binding.Elements.Find<TextMessageEncodingBindingElement>()!;
        var ours = WsRmLoadClient.MatchingOptions(binding, address, args.Window, args.Timeout);
        output.WriteLine($"clients: {string.Join(", ", args.Clients)}");
        output.WriteLine($"server: {hostDll} (pid {host.Id}) at {address}, server window {args.ServerWindow?.ToString(CultureInfo.InvariantCulture) ?? "default (8)"}");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, client GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        output.WriteLine($"WCF: ReliableSessionBindingElement() defaults: {rm.ReliableMessagingVersion}, Ordered={rm.Ordered}, MaxTransferWindowSize={rm.MaxTransferWindowSize}, "
            + $"FlowControlEnabled={rm.FlowControlEnabled}, AcknowledgementInterval={rm.AcknowledgementInterval.TotalMilliseconds} ms, MaxRetryCount={rm.MaxRetryCount}; encoding {encoding.MessageVersion}");
        output.WriteLine($"WsRm: {ours.Version}, {ours.Soap} + WS-Addressing 1.0, Ordered={ours.Ordered}, MaxTransferWindowSize={ours.MaxTransferWindowSize}, MaxRetryCount={ours.MaxRetryCount}");
        output.WriteLine($"timeouts: {args.Timeout.TotalSeconds} s per call, open and close for every client (WCF binding Open/Send/CloseTimeout, WsRm OperationTimeout)");
        output.WriteLine($"load: {args.Rounds} rounds x {args.Messages} messages per client per shape, warm-up {args.Warmup} messages; sessions {string.Join(",", args.Sessions)}; callers per session {string.Join(",", args.Callers)}");
    }
}
