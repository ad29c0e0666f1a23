using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// The 10 client configurations every reliable interop test runs with: WSHttpBinding (RM 1.0, SOAP 1.2) ordered and
/// unordered, and a CustomBinding over {RM 1.0, RM 1.1} × {SOAP 1.1, SOAP 1.2} × {ordered, unordered}.
/// </summary>
public static class BindingMatrix
{
    /// <summary>Open, send and close timeout of every binding, so a broken server fails a test instead of hanging it.</summary>
    public static readonly TimeSpan BindingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Every configuration, in display order.</summary>
    public static IReadOnlyList<BindingConfig> All { get; } = Build();

    /// <summary>The configuration names, for <c>[MemberData(nameof(BindingMatrix.Names), MemberType = typeof(BindingMatrix))]</c>.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var config in All) data.Add(config.Name);
            return data;
        }
    }

    /// <summary>The configuration called <paramref name="name"/>.</summary>
    public static BindingConfig Get(string name) => All.Single(c => c.Name == name);

    private static List<BindingConfig> Build()
    {
        var configs = new List<BindingConfig>();
        foreach (var ordered in new[] { true, false })
        {
            configs.Add(new BindingConfig($"WSHttp RM1.0 SOAP1.2 {Order(ordered)}", ordered, () => WsHttp(ordered)));
        }

        foreach (var (rmName, rm) in new[]
                 {
                     ("RM1.0", ReliableMessagingVersion.WSReliableMessagingFebruary2005),
                     ("RM1.1", ReliableMessagingVersion.WSReliableMessaging11),
                 })
        foreach (var (soapName, soap) in new[]
                 {
                     ("SOAP1.1", MessageVersion.Soap11WSAddressing10),
                     ("SOAP1.2", MessageVersion.Soap12WSAddressing10),
                 })
        foreach (var ordered in new[] { true, false })
        {
            configs.Add(new BindingConfig($"Custom {rmName} {soapName} {Order(ordered)}", ordered, () => Custom(rm, soap, ordered)));
        }

        return configs;
    }

    private static string Order(bool ordered) => ordered ? "ordered" : "unordered";

    private static Binding WsHttp(bool ordered)
    {
        var binding = new WSHttpBinding(SecurityMode.None, reliableSessionEnabled: true);
        binding.ReliableSession.Ordered = ordered;
        return WithTimeouts(binding);
    }

    private static Binding Custom(ReliableMessagingVersion rm, MessageVersion soap, bool ordered)
        => WithTimeouts(new CustomBinding(
            new ReliableSessionBindingElement(ordered) { ReliableMessagingVersion = rm },
            new TextMessageEncodingBindingElement(soap, Encoding.UTF8),
            new HttpTransportBindingElement()));

    private static Binding WithTimeouts(Binding binding)
    {
        binding.OpenTimeout = BindingTimeout;
        binding.SendTimeout = BindingTimeout;
        binding.CloseTimeout = BindingTimeout;
        return binding;
    }
}
