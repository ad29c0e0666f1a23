using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Hosting;

/// <summary>Service instance lifetime on the wire: per session (default), per call and single, with a counting service.</summary>
public sealed class InstanceModeTests
{
    private static WebApplication CounterApp() => TestApp.Build(
        b =>
        {
            b.Services.AddSingleton<CounterLog>();
            b.Services.AddWsRmServer();
        },
        app =>
        {
            app.MapWsRmService<Counter>("/counter");
            app.MapWsRmService<Counter>("/counter/percall", o => o.InstanceMode = ServiceInstanceMode.PerCall);
            app.MapWsRmService<Counter>("/counter/single", o => o.InstanceMode = ServiceInstanceMode.Single);
            app.MapSoapService<Counter>("/plain/counter");
        });

    [Theory, WireMatrix]
    public async Task PerSession_EachSequenceCountsOnItsOwn(RmSpec rm, SoapSpec soap)
    {
        await using var app = CounterApp();
        await app.StartAsync().Within();
        var client = new WireClient(app.GetTestClient());
        var wire = new Wire(rm, soap);
        var first = await RmSession.CreateAsync(client, wire, "/counter");
        var second = await RmSession.CreateAsync(client, wire, "/counter");

        Assert.Equal(1, await IncrementAsync(first, 1));
        Assert.Equal(2, await IncrementAsync(first, 2));
        Assert.Equal(1, await IncrementAsync(second, 1));
        Assert.Equal(3, await IncrementAsync(first, 3));
    }

    [Theory, WireMatrix]
    public async Task PerSession_Retransmission_DoesNotCountTwice(RmSpec rm, SoapSpec soap)
    {
        await using var app = CounterApp();
        await app.StartAsync().Within();
        var session = await RmSession.CreateAsync(new WireClient(app.GetTestClient()), new Wire(rm, soap), "/counter");

        Assert.Equal(1, await IncrementAsync(session, 1));
        Assert.Equal(1, await IncrementAsync(session, 1));
        Assert.Equal(2, await IncrementAsync(session, 2));
    }

    [Theory, WireMatrix]
    public async Task PerCall_EveryMessageGetsANewInstance(RmSpec rm, SoapSpec soap)
    {
        await using var app = CounterApp();
        await app.StartAsync().Within();
        var session = await RmSession.CreateAsync(new WireClient(app.GetTestClient()), new Wire(rm, soap), "/counter/percall");

        Assert.Equal(1, await IncrementAsync(session, 1));
        Assert.Equal(1, await IncrementAsync(session, 2));
        Assert.Equal(2, app.Services.GetRequiredService<CounterLog>().DisposedCount);
    }

    [Fact]
    public async Task Single_AllSequencesShareOneInstance()
    {
        await using var app = CounterApp();
        await app.StartAsync().Within();
        var client = new WireClient(app.GetTestClient());
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var first = await RmSession.CreateAsync(client, wire, "/counter/single");
        var second = await RmSession.CreateAsync(client, wire, "/counter/single");

        Assert.Equal(1, await IncrementAsync(first, 1));
        Assert.Equal(2, await IncrementAsync(second, 1));
        Assert.Equal(3, await IncrementAsync(first, 2));
    }

    [Theory, WireMatrix]
    public async Task PerSession_InstanceIsDisposedWhenTheSequenceIsTerminated(RmSpec rm, SoapSpec soap)
    {
        await using var app = CounterApp();
        await app.StartAsync().Within();
        var log = app.Services.GetRequiredService<CounterLog>();
        var session = await RmSession.CreateAsync(new WireClient(app.GetTestClient()), new Wire(rm, soap), "/counter");
        await IncrementAsync(session, 1);
        Assert.Equal(0, log.DisposedCount);

        var terminated = await session.TerminateAsync(lastMsgNumber: 1);

        Assert.True(terminated.Status is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Accepted, terminated.ToString());
        Assert.Equal(1, log.DisposedCount);
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task PlainEndpoint_PerSessionMeansPerCall(SoapSpec soap)
    {
        await using var app = CounterApp();
        await app.StartAsync().Within();
        var client = new WireClient(app.GetTestClient());

        for (var i = 0; i < 2; i++)
        {
            var request = new Envelope(new Wire(RmSpec.Rm11, soap)).WithAction(CounterNames.IncrementAction).WithMessageId()
                .WithTo(client.Url("/plain/counter")).WithBody(CounterNames.IncrementBody);
            var reply = await client.SendAsync("/plain/counter", request);
            Assert.Equal(1, Result(reply));
        }
    }

    private static async Task<int> IncrementAsync(RmSession session, ulong number) =>
        Result(await session.SendAsync(Messages.Application(session.Wire, session.To, CounterNames.IncrementAction, session.Id, number, CounterNames.IncrementBody)));

    private static int Result(WireResponse reply)
    {
        reply.AssertOk();
        var result = reply.BodyElement?.Element(XName.Get("IncrementResult", CounterNames.Namespace))
            ?? throw new Xunit.Sdk.XunitException("No IncrementResult.\n" + reply.Text);
        return int.Parse(result.Value, CultureInfo.InvariantCulture);
    }
}
