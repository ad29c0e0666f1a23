using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Xml;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// A SOAP intermediary between client and service: the client addresses the logical service (Address, sent as
/// wsa:To) and posts to the router (Via); the router routes by wsa:To. The logical host is never resolved or connected.
/// </summary>
public sealed class IntermediaryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly Uri Logical = new("http://orders.partner.example/echo");

    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    private Task<SoapRouter> StartRouterAsync() =>
        SoapRouter.StartAsync(new Dictionary<string, Uri> { [Logical.OriginalString] = server.EchoAddress });

    // A client that records every host it connects to.
    private static HttpClient RecordingClient(ConcurrentBag<string> connected)
    {
        var handler = WsRmHttp.CreateHandler();
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            connected.Add($"{context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_session_to_a_logical_address_via_a_SOAP_router_works_end_to_end(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var router = await StartRouterAsync();
        var connected = new ConcurrentBag<string>();
        using var http = RecordingClient(connected);
        var options = Sessions.Options(Logical, rm, soap, via: router.Address);
        await using var session = await WsRmSession.OpenAsync(http, options).Within();

        var sent = await Workload.RunAndCloseAsync(session, Workload.Prefix($"routed-{rm}-{soap}"));

        var handled = router.Handled;
        Assert.True(handled.Count >= sent + 3, $"the router saw {handled.Count} messages, expected at least {sent + 3}");
        Assert.All(handled, m =>
        {
            Assert.Equal(Logical.OriginalString, m.Request.To);
            Assert.Equal(server.EchoAddress, m.Destination);
        });
        // The service takes a wsa:To that is not its own URL, and names its own address (never the request's wsa:To)
        // as the AcksTo of the offered sequence; the client does not need it to be the logical address.
        var created = handled.First(m => m.Request.Action == options.RmVersion.CreateSequenceAction);
        Assert.Equal(server.EchoAddress.ToString(), AcceptAcksTo(created.Response));
        Assert.Equal([$"127.0.0.1:{router.Address.Port}"], connected.Distinct());
    }

    [Theory]
    [InlineData(WsRmSoapVersion.Soap11)]
    [InlineData(WsRmSoapVersion.Soap12)]
    public async Task An_address_the_router_cannot_route_fails_at_once_with_DestinationUnreachable(WsRmSoapVersion soap)
    {
        await using var router = await StartRouterAsync();
        using var http = Sessions.Http();
        var options = Sessions.Options(new Uri("http://unknown.partner.example/echo"), WsRmVersion.Rm11, soap, via: router.Address);

        var fault = await Assert.ThrowsAsync<SoapFaultException>(() => WsRmSession.OpenAsync(http, options)).Within(Bounded.Short);

        var name = fault.Subcode ?? fault.Code;
        Assert.Equal(("DestinationUnreachable", EnvelopeHeaders.Wsa10), (name.Name, name.Namespace));
        Assert.Contains("unknown.partner.example", fault.Reason);
        var only = Assert.Single(router.Handled);
        Assert.Equal((500, (Uri?)null), (only.Status, only.Destination));
    }

    [Theory]
    [InlineData(EnvelopeHeaders.Soap11, EnvelopeHeaders.Wsa200408, "text/xml")]
    [InlineData(EnvelopeHeaders.Soap12, EnvelopeHeaders.Wsa10, "application/soap+xml")]
    public async Task The_router_reads_either_addressing_version_and_faults_in_the_requests_SOAP_version(string soapNs, string wsaNs, string mediaType)
    {
        await using var router = await StartRouterAsync();
        using var http = Sessions.Http();

        async Task<HttpResponseMessage> PostAsync(string to)
        {
            var envelope = $"""<s:Envelope xmlns:s="{soapNs}" xmlns:a="{wsaNs}"><s:Header><a:Action>urn:wsrm:samples/IEchoService/Echo</a:Action><a:MessageID>urn:uuid:1</a:MessageID><a:To>{to}</a:To></s:Header><s:Body/></s:Envelope>""";
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope));
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType + "; charset=utf-8");
            using var request = new HttpRequestMessage(HttpMethod.Post, router.Address) { Content = content };
            if (soapNs == EnvelopeHeaders.Soap11) request.Headers.TryAddWithoutValidation("SOAPAction", "\"urn:wsrm:samples/IEchoService/Echo\"");
            return await http.SendAsync(request).Within(Bounded.Short);
        }

        using var unknown = await PostAsync("http://nowhere.example/x");
        Assert.Equal(500, (int)unknown.StatusCode);
        Assert.Equal(mediaType, unknown.Content.Headers.ContentType?.MediaType);
        var fault = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("DestinationUnreachable", fault);
        Assert.Contains($"xmlns:a=\"{wsaNs}\"", fault);

        using var routed = await PostAsync(Logical.OriginalString);  // no sequence: the service's own WSRMRequired fault
        Assert.Equal(500, (int)routed.StatusCode);
        Assert.Contains("WSRMRequired", await routed.Content.ReadAsStringAsync());
        Assert.Equal(server.EchoAddress, router.Handled[^1].Destination);
    }

    // CreateSequenceResponse/Accept/AcksTo/Address.
    private static string? AcceptAcksTo(byte[] response)
    {
        using var r = XmlReader.Create(new MemoryStream(response), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var inAccept = false;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "Accept") inAccept = true;
            else if (inAccept && r.LocalName == "Address") return r.ReadElementContentAsString().Trim();
        }
        return null;
    }
}
