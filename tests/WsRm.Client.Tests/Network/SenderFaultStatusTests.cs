using System.Net;
using System.Text;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// SOAP 1.2's HTTP binding (Part 2 §7.5.2.2) sends a env:Sender fault as 400 Bad Request; gSOAP does, WCF answers 500.
/// The fault in the body is the answer, not a transport failure.
/// </summary>
public sealed class SenderFaultStatusTests
{
    private const string Reason = "Validation constraint violation: occurrence constraint violation in element 'r:Offer'";

    // What gSOAP 2.8's strict WS-RM 1.0 destination answered to a 1.0 CreateSequence whose Offer has no Endpoint.
    private const string Soap12SenderFault = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa5="http://www.w3.org/2005/08/addressing" xmlns:wsrm="http://schemas.xmlsoap.org/ws/2005/02/rm">
        	<SOAP-ENV:Body>
        		<SOAP-ENV:Fault>
        			<SOAP-ENV:Code>
        				<SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value>
        			</SOAP-ENV:Code>
        			<SOAP-ENV:Reason>
        				<SOAP-ENV:Text xml:lang="en">{Reason}</SOAP-ENV:Text>
        			</SOAP-ENV:Reason>
        		</SOAP-ENV:Fault>
        	</SOAP-ENV:Body>
        </SOAP-ENV:Envelope>
        """;

    [Fact]
    public async Task A_soap12_fault_in_a_400_is_the_services_answer()
    {
        var handler = new BadRequestHandler("application/soap+xml; charset=utf-8");
        using var http = new HttpClient(handler);

        var error = await Record.ExceptionAsync(() => WsRmSession.OpenAsync(http, Options(WsRmSoapVersion.Soap12))).Within();

        var fault = Assert.IsType<SoapFaultException>(error);
        Assert.Contains(Reason, fault.Message);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task A_400_that_is_not_soap12_stays_a_status_retrying_cannot_fix()
    {
        var handler = new BadRequestHandler("text/html");
        using var http = new HttpClient(handler);

        var error = await Record.ExceptionAsync(() => WsRmSession.OpenAsync(http, Options(WsRmSoapVersion.Soap12))).Within();

        Assert.Equal(HttpStatusCode.BadRequest, Assert.IsType<HttpRequestException>(error?.InnerException).StatusCode);
        Assert.Equal(1, handler.Requests);
    }

    private static WsRmClientOptions Options(WsRmSoapVersion soap) => new()
    {
        Address = new Uri("http://127.0.0.1:9/echo"),
        Version = WsRmVersion.Rm10,
        Soap = soap,
    };

    private sealed class BadRequestHandler(string contentType) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Soap12SenderFault));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = content });
        }
    }
}
