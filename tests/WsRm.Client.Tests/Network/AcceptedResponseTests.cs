using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Client.Tests.Infrastructure;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Network;

/// <summary>How the transport reads the 202 and 204 answers stacks give one-way messages (real Kestrel on loopback).</summary>
public sealed class AcceptedResponseTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/empty", () => Results.StatusCode(202));
        _app.MapPost("/no-content", () => Results.NoContent());
        _app.MapPost("/text", () => Results.Text("Accepted", "text/plain", statusCode: 202));
        _app.MapPost("/not-xml", () => Results.Text("<Envelope", SoapVersion.Soap12.ContentType(null), statusCode: 202));
        _app.MapPost("/ack", async (HttpContext http) =>
        {
            var ack = new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10)
            {
                Action = RmVersion.Rm11.SequenceAcknowledgementAction,
                Rm = RmVersion.Rm11,
            };
            ack.Acknowledgements.Add(new SequenceAcknowledgement { Identifier = "urn:uuid:s", Ranges = [new AckRange(1, 3)] });
            http.Response.StatusCode = 202;
            http.Response.ContentType = SoapVersion.Soap12.ContentType(ack.Action);
            await http.Response.Body.WriteAsync(EnvelopeWriter.ToArray(ack));
        });
        await _app.StartAsync().Within(Bounded.Short);
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync().Within(Bounded.Short);
        await _app.DisposeAsync().Within(Bounded.Short);
    }

    [Theory]
    [InlineData("/empty")]
    [InlineData("/no-content")]
    [InlineData("/text")]
    [InlineData("/not-xml")]
    public async Task A_202_or_204_without_a_readable_envelope_is_accepted_without_a_message(string path)
    {
        Assert.Null(await SendAsync(path));
    }

    [Fact]
    public async Task A_202_carrying_an_envelope_is_read_like_a_200()
    {
        var message = await SendAsync("/ack");

        var ack = Assert.Single(message!.Acknowledgements);
        Assert.Equal([new AckRange(1, 3)], ack.Ranges);
    }

    private async Task<SoapMessage?> SendAsync(string path)
    {
        using var http = Sessions.Http();
        var transport = new SoapTransport(http, new Uri(_base, path), SoapVersion.Soap12, 1 << 20);
        return await transport.SendAsync("<x/>"u8.ToArray(), "urn:test", CancellationToken.None).Within(Bounded.Short);
    }
}
