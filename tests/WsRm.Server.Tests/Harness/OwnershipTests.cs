using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;
using WsRm.Server.Tests.Harness.Auth;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// A sequence belongs to the identity that created it: on an endpoint behind authentication (here HTTP Basic with
/// <c>.RequireAuthorization()</c>), every message, acknowledgement, AckRequested, Close and Terminate for it from another
/// signed-in user is answered exactly as for an unknown sequence, nothing is delivered, and the creator's session goes
/// on untouched. The per-client sequence limit counts per user.
/// </summary>
public sealed class OwnershipTests
{
    private static async Task<WebApplication> StartAsync(int maxSequencesPerClient = 64)
    {
        var app = TestApp.Build(
            b =>
            {
                b.Services.AddSingleton<PostedTexts>();
        b.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
                b.Services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
                b.Services.AddAuthorization();
                b.Services.AddWsRmServer(o => o.MaxSequencesPerClient = maxSequencesPerClient);
            },
            a =>
            {
                a.UseAuthentication();
                a.UseAuthorization();
                a.MapWsRmService<EchoService>("/echo").RequireAuthorization();
                a.MapWsRmService<EchoService>("/open/echo");
            });
        await app.StartAsync().Within();
        return app;
    }

    private static WireClient ClientFor(WebApplication app, string? user)
    {
        var http = app.GetTestClient();
        if (user is not null) http.DefaultRequestHeaders.Authorization = BasicAuthenticationHandler.Credentials(user);
        return new WireClient(http);
    }

    [Theory, WireMatrix]
    public async Task AnotherUser_SeesTheSequenceAsUnknown_AndCannotTouchIt(RmSpec rm, SoapSpec soap)
    {
        await using var app = await StartAsync();
        var wire = new Wire(rm, soap);
        var alice = await RmSession.CreateAsync(ClientFor(app, "alice"), wire);
        var mallory = ClientFor(app, "mallory");
        await alice.PostAsync(1, "owned-1");
        await alice.EchoOkAsync(2, "owned-2");

        var to = alice.To;
        var answers = new[]
        {
            await mallory.SendAsync("/echo", Messages.Post(wire, to, alice.Id, 3, "owned-forged")),
            await mallory.SendAsync("/echo", Messages.Post(wire, to, alice.Id, 1, "owned-1")),
            await mallory.SendAsync("/echo", Messages.AckRequested(wire, to, alice.Id)),
            await mallory.SendAsync("/echo", Messages.Acknowledgement(wire, to, alice.OfferId!, (1, 1))),
            await mallory.SendAsync("/echo", Messages.TerminateSequence(wire, to, alice.Id)),
        };
        foreach (var answer in answers) FaultAssert.RmHeaderFault(answer, wire, "UnknownSequence", null);
        if (wire.Is11) FaultAssert.RmHeaderFault(await mallory.SendAsync("/echo", Messages.CloseSequence(wire, to, alice.Id)), wire, "UnknownSequence", alice.Id);

        // Nothing of mallory's ran, and alice's session (numbering, state, acknowledgements) is as she left it.
        Assert.Equal("1-3", (await alice.PostAsync(3, "owned-3")).AckFor(alice.Id).RangeText);
        Assert.Equal(["owned-1", "owned-3"], await alice.ReceivedAsync(4, "owned-"));
        (await alice.TerminateAsync(lastMsgNumber: 4)).AssertOk();
    }

    [Fact]
    public async Task AnonymousCaller_IsRefusedByAuthorization_BeforeAnySequenceWork()
    {
        await using var app = await StartAsync();
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var alice = await RmSession.CreateAsync(ClientFor(app, "alice"), wire);

        var anonymous = await ClientFor(app, null).SendAsync("/echo", Messages.Post(wire, alice.To, alice.Id, 1, "anon"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }

    [Fact]
    public async Task MaxSequencesPerClient_CountsPerUser_NotPerAddress()
    {
        await using var app = await StartAsync(maxSequencesPerClient: 1);
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var alice = ClientFor(app, "alice");
        await RmSession.CreateAsync(alice, wire);

        var second = await alice.SendAsync("/echo", Messages.CreateSequence(wire, alice.Url("/echo"), Envelope.NewId()));
        FaultAssert.SubcodeFault(second, wire, wire.RmName("CreateSequenceRefused"), wire.FaultAction, receiver: true);
        // Same address (the test server's), another user: a limit of its own.
        await RmSession.CreateAsync(ClientFor(app, "mallory"), wire);
    }

    [Fact]
    public async Task OnAnAnonymousEndpoint_TheIdentifierAloneProtectsTheSequence()
    {
        await using var app = await StartAsync();
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var creator = await RmSession.CreateAsync(ClientFor(app, null), wire, "/open/echo");
        var other = ClientFor(app, null);

        var unknown = await other.SendAsync("/open/echo", Messages.Post(wire, creator.To, "urn:uuid:" + Guid.NewGuid(), 1, "guess"));
        var known = await other.SendAsync("/open/echo", Messages.Post(wire, creator.To, creator.Id, 1, "shared-id"));

        FaultAssert.RmHeaderFault(unknown, wire, "UnknownSequence", null);
        Assert.Equal("1-1", known.AckFor(creator.Id).RangeText);
    }
}
