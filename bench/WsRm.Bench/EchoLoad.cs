using System.Diagnostics;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host;
using WsRm.Host.Services;

namespace WsRm.Bench;

/// <summary>
/// Sequential echo calls per second with the real WCF client, against the sample host in this process on a loopback
/// port: reliable (/echo, WS-RM 1.0 and 1.1) and plain (/plain/echo), best of several rounds.
/// </summary>
internal static class EchoLoad
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        await using var app = HostApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Logging.ClearProviders());
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"host {baseUrl}, {args.Calls} sequential calls per round, best of {args.Rounds}, {Environment.ProcessorCount} cores");

        var plain = Measure("plain  WSHttpBinding(None)          ", new WSHttpBinding(SecurityMode.None), baseUrl + "/plain/echo", args);
        var rm10 = Measure("WS-RM 1.0 WSHttpBinding(None, true)", new WSHttpBinding(SecurityMode.None, true), baseUrl + "/echo", args);
        var rm11 = Measure("WS-RM 1.1 CustomBinding SOAP 1.2    ", Rm11Binding(), baseUrl + "/echo", args);
        Console.WriteLine($"ratio reliable/plain: RM 1.0 {rm10 / plain:P0}, RM 1.1 {rm11 / plain:P0}");
        await app.StopAsync();
        return 0;
    }

    private static Binding Rm11Binding() => new CustomBinding(
        new ReliableSessionBindingElement(true) { ReliableMessagingVersion = ReliableMessagingVersion.WSReliableMessaging11 },
        new TextMessageEncodingBindingElement(MessageVersion.Soap12WSAddressing10, Encoding.UTF8),
        new HttpTransportBindingElement());

    private static double Measure(string name, Binding binding, string url, BenchArgs args)
    {
        var factory = new ChannelFactory<IEchoService>(binding, new EndpointAddress(url));
        var best = 0.0;
        long bytes = 0;
        try
        {
            for (var round = 0; round < args.Rounds; round++)
            {
                var proxy = factory.CreateChannel();
                ((IClientChannel)proxy).Open();
                for (var i = 0; i < args.Warmup; i++) proxy.Echo("warm");
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < args.Calls; i++) proxy.Echo("hello");
                clock.Stop();
                bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / args.Calls;
                ((IClientChannel)proxy).Close();
                best = Math.Max(best, args.Calls / clock.Elapsed.TotalSeconds);
            }
        }
        finally
        {
            factory.Close();
        }
        Console.WriteLine($"{name}  {best,8:F0} calls/s  {bytes,7} B allocated per call (client + server)");
        return best;
    }
}
