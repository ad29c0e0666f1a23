using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using WsRm.Samples.Contracts;

var address = args.FirstOrDefault(a => a.StartsWith("http", StringComparison.Ordinal)) ?? "http://127.0.0.1:5080/echo";

// WS-RM 1.0, SOAP 1.2
Binding binding = new WSHttpBinding(SecurityMode.None, reliableSessionEnabled: true);

// or WS-RM 1.1 (or 1.0), SOAP 1.1 or 1.2
if (args.Contains("rm11"))
    binding = new CustomBinding(
        new ReliableSessionBindingElement(ordered: true) { ReliableMessagingVersion = ReliableMessagingVersion.WSReliableMessaging11 },
        new TextMessageEncodingBindingElement(MessageVersion.Soap11WSAddressing10, Encoding.UTF8),
        new HttpTransportBindingElement());

var factory = new ChannelFactory<IEchoService>(binding, new EndpointAddress(address));
var echo = factory.CreateChannel();
Console.WriteLine(echo.Echo("hello"));     // CreateSequence (with Offer), then the call on the sequence
((IClientChannel)echo).Close();            // 1.1: CloseSequence + TerminateSequence; 1.0: LastMessage + TerminateSequence
factory.Close();
