using System.Net;
using System.Xml.Linq;
using static WsRm.Server.Tests.Dispatch.MultiContract;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// One address serving a class's two contracts (IGreeter and IMeter, both with an Echo operation): requests for either
/// contract are dispatched by their action, on the plain and the reliable endpoint alike.
/// </summary>
public sealed class MultiContractTests
{
    private const string Greeter = Namespace + "/IGreeter/";
    private const string Meter = Namespace + "/IMeter/";
    private static readonly XNamespace M = Namespace;

    private static string EchoBody(string text) => $"<Echo xmlns=\"{Namespace}\"><text>{Envelope.Escape(text)}</text></Echo>";

    private static Envelope Plain(Wire wire, string to, string action, string body) =>
        new Envelope(wire).WithAction(action).WithMessageId().WithReplyToAnonymous().WithTo(to).WithBody(body);

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task PlainEndpoint_DispatchesEachContractsActions(SoapSpec soap)
    {
        await using var host = await MultiContractHost.StartAsync();
        var wire = new Wire(RmSpec.Rm11, soap);
        var to = host.Wire.Url("/plain/multi");

        var greeterEcho = await host.Wire.SendAsync("/plain/multi", Plain(wire, to, Greeter + "Echo", EchoBody("a")));
        var meterEcho = await host.Wire.SendAsync("/plain/multi", Plain(wire, to, Meter + "Echo", EchoBody("b")));
        var greet = await host.Wire.SendAsync("/plain/multi", Plain(wire, to, Greeter + "Greet", $"<Greet xmlns=\"{Namespace}\"><name>c</name></Greet>"));
        var reset = await host.Wire.SendAsync("/plain/multi", Plain(wire, to, Meter + "Reset", $"<Reset xmlns=\"{Namespace}\"/>"));

        greeterEcho.AssertOk();
        Assert.Equal(Greeter + "EchoResponse", greeterEcho.Action);
        Assert.Equal("greeter:a", greeterEcho.BodyElement!.Element(M + "EchoResult")?.Value);
        meterEcho.AssertOk();
        Assert.Equal(Meter + "EchoResponse", meterEcho.Action);
        Assert.Equal("meter:b", meterEcho.BodyElement!.Element(M + "EchoResult")?.Value);
        greet.AssertOk();
        Assert.Equal("hello c", greet.BodyElement!.Element(M + "GreetResult")?.Value);
        Assert.Equal(HttpStatusCode.Accepted, reset.Status);
    }

    [Theory, WireMatrix]
    public async Task ReliableEndpoint_DispatchesBothContracts_OnOneSessionInstance(RmSpec rm, SoapSpec soap)
    {
        await using var host = await MultiContractHost.StartAsync();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire, "/multi");

        var replies = new List<WireResponse>();
        (string Action, string Body)[] calls =
        [
            (Greeter + "Echo", EchoBody("a")),
            (Meter + "Echo", EchoBody("b")),
            (Meter + "Next", $"<Next xmlns=\"{Namespace}\"/>"),
            (Meter + "Next", $"<Next xmlns=\"{Namespace}\"/>"),
        ];
        for (var i = 0; i < calls.Length; i++)
        {
            replies.Add(await session.SendAsync(Messages.Application(wire, session.To, calls[i].Action, session.Id, (ulong)i + 1, calls[i].Body)));
        }

        Assert.All(replies, r => r.AssertOk());
        Assert.Equal([Greeter + "EchoResponse", Meter + "EchoResponse", Meter + "NextResponse", Meter + "NextResponse"],
            replies.Select(r => r.Action));
        Assert.Equal(["greeter:a", "meter:b"], replies.Take(2).Select(r => r.BodyElement!.Element(M + "EchoResult")?.Value));
        // The session's one service instance serves both contracts: its counter goes on across them.
        Assert.Equal(["1", "2"], replies.Skip(2).Select(r => r.BodyElement!.Element(M + "NextResult")?.Value));
        Assert.Equal([1UL, 2UL, 3UL, 4UL], replies.Select(r => r.Sequence!.MessageNumber));
        Assert.Equal("1-4", replies[^1].AckFor(session.Id).RangeText);
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task NarrowedEndpoint_RefusesTheOtherContractsActions(SoapSpec soap)
    {
        await using var host = await MultiContractHost.StartAsync();
        var wire = new Wire(RmSpec.Rm11, soap);
        var to = host.Wire.Url("/plain/multi/meter");

        var meter = await host.Wire.SendAsync("/plain/multi/meter", Plain(wire, to, Meter + "Echo", EchoBody("m")));
        var greeter = await host.Wire.SendAsync("/plain/multi/meter", Plain(wire, to, Greeter + "Echo", EchoBody("g")));

        meter.AssertOk();
        var fault = FaultAssert.SubcodeFault(greeter, wire, XName.Get("ActionNotSupported", Ns.Wsa10), wire.AddressingFaultAction);
        Assert.Contains(Greeter + "Echo", fault.Reason);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task NarrowedReliableEndpoint_RefusesTheOtherContractsActions(RmSpec rm, SoapSpec soap)
    {
        await using var host = await MultiContractHost.StartAsync();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire, "/multi/meter");

        var greeter = await session.SendAsync(Messages.Application(wire, session.To, Greeter + "Echo", session.Id, 1, EchoBody("g")));
        var meter = await session.SendAsync(Messages.Application(wire, session.To, Meter + "Echo", session.Id, 2, EchoBody("m")));

        Assert.Equal(HttpStatusCode.InternalServerError, greeter.Status);
        Assert.Contains("ActionNotSupported", greeter.Text);
        meter.AssertOk();
        Assert.Equal("meter:m", meter.BodyElement!.Element(M + "EchoResult")?.Value);
    }
}
