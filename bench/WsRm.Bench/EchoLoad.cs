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
/// port: plain (/plain/echo) and reliable (/echo, WS-RM 1.0 and 1.1). The configurations take turns round by round,
/// so that machine noise falls on all of them alike; the median round is reported.
/// </summary>
internal static class EchoLoad
{
    private sealed record Config(string Name, Binding Binding, string Path)
    {
        public List<double> Rates { get; } = [];
        public long BytesPerCall { get; set; }
        public double Median => Rates.Order().ElementAt(Rates.Count / 2);
    }

    public static async Task<int> RunAsync(BenchArgs args)
    {
        await using var app = HostApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Logging.ClearProviders());
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"host {baseUrl}, {args.Calls} sequential calls per round, {args.Rounds} rounds, {Environment.ProcessorCount} cores");

        Config[] configs =
        [
            new("plain     WSHttpBinding(None)         ", new WSHttpBinding(SecurityMode.None), "/plain/echo"),
            new("WS-RM 1.0 WSHttpBinding(None, true)   ", new WSHttpBinding(SecurityMode.None, true), "/echo"),
            new("WS-RM 1.1 CustomBinding SOAP 1.2      ", Rm11Binding(), "/echo"),
        ];
        for (var round = 0; round < args.Rounds; round++)
            foreach (var config in configs) MeasureRound(config, baseUrl, args);

        Console.WriteLine("configuration                             median calls/s   min..max        allocated/call (client+server)");
        foreach (var c in configs)
            Console.WriteLine($"{c.Name}  {c.Median,8:F0}   {c.Rates.Min(),6:F0}..{c.Rates.Max(),-6:F0}   {c.BytesPerCall,7} B");
        var plain = configs[0].Median;
        Console.WriteLine($"reliable/plain (medians): RM 1.0 {configs[1].Median / plain:P0}, RM 1.1 {configs[2].Median / plain:P0}");
        await app.StopAsync();
        return 0;
    }

    private static Binding Rm11Binding() => new CustomBinding(
        new ReliableSessionBindingElement(true) { ReliableMessagingVersion = ReliableMessagingVersion.WSReliableMessaging11 },
        new TextMessageEncodingBindingElement(MessageVersion.Soap12WSAddressing10, Encoding.UTF8),
        new HttpTransportBindingElement());

    private static void MeasureRound(Config config, string baseUrl, BenchArgs args)
    {
        var factory = new ChannelFactory<IEchoService>(config.Binding, new EndpointAddress(baseUrl + config.Path));
        try
        {
            var proxy = factory.CreateChannel();
            ((IClientChannel)proxy).Open();
            for (var i = 0; i < args.Warmup; i++) proxy.Echo("warm");
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < args.Calls; i++) proxy.Echo("hello");
            clock.Stop();
            config.BytesPerCall = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / args.Calls;
            ((IClientChannel)proxy).Close();
            config.Rates.Add(args.Calls / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            factory.Close();
        }
    }
}
