using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Harness.Gated;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>
/// Every end of a sequence is one Information record, event 20, naming the sequence, its endpoint, its WS-RM version,
/// why it ended in words, and how many messages it received; whatever way it ended, once.
/// </summary>
public sealed class SequenceEndLogTests
{
    [Theory, WireMatrix]
    public async Task TerminatedBySource(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync(keepLogs: true);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        await session.EchoOkAsync(1, "one");
        await session.EchoOkAsync(2, "two");

        (await session.TerminateAsync()).AssertOk();

        var end = AssertOneEnd(host, session.Id, rm);
        Assert.Equal("terminated by its source (TerminateSequence)", end.GetStructuredStateValue("Reason"));
        Assert.Equal("2", end.GetStructuredStateValue("Messages"));
        Assert.Equal($"Sequence {session.Id} on /echo (WS-RM {RmName(rm)}) ended: terminated by its source (TerminateSequence); 2 message(s) received", end.Message);
    }

    [Fact]
    public async Task InactivityTimeout()
    {
        await using var host = await GatedHost.StartAsync(keepLogs: true);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12));
        await session.EchoOkAsync(1, "one");

        host.Time.Advance(TimeSpan.FromMinutes(11)); // InactivityTimeout 10 min, swept every minute

        await Eventually.TrueAsync(() => Ends(host, session.Id).Length > 0, "the expiry is logged");
        var end = AssertOneEnd(host, session.Id, RmSpec.Rm11);
        Assert.Equal("no message from its source for 00:10:00 (InactivityTimeout)", end.GetStructuredStateValue("Reason"));
        Assert.Equal("1", end.GetStructuredStateValue("Messages"));
    }

    [Fact]
    public async Task SequenceFault()
    {
        await using var host = await GatedHost.StartAsync(keepLogs: true);
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "one");
        await session.EchoOkAsync(2, "two");

        FaultAssert.RmHeaderFault(await session.TerminateAsync(lastMsgNumber: 1), wire, "SequenceTerminated", session.Id);

        var reason = AssertOneEnd(host, session.Id, RmSpec.Rm11).GetStructuredStateValue("Reason");
        Assert.StartsWith("the fault SequenceTerminated was sent: ", reason);
    }

    [Fact]
    public async Task ServiceFailure()
    {
        await using var host = await GatedHost.StartAsync(keepLogs: true);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm10, SoapSpec.Soap12));
        await session.EchoOkAsync(1, "fine");

        await session.EchoAsync(2, "throw now");

        await Eventually.TrueAsync(() => Ends(host, session.Id).Length > 0, "the end is logged");
        var end = AssertOneEnd(host, session.Id, RmSpec.Rm10);
        Assert.Equal("the service threw an unexpected exception processing urn:wsrm:samples/IEchoService/Echo (as WCF faults a session whose service failed)",
            end.GetStructuredStateValue("Reason"));
        Assert.Equal("2", end.GetStructuredStateValue("Messages"));
    }

    [Fact]
    public async Task HostStopping_EndsTheOpenInMemorySequences_NotTheEndedOnes()
    {
        var host = await GatedHost.StartAsync(keepLogs: true);
        var open = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap11));
        await open.EchoOkAsync(1, "still open");
        var terminated = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap11));
        (await terminated.TerminateAsync()).AssertOk();

        await host.DisposeAsync();

        Assert.Equal("the host is stopping and the sequence is kept in memory only",
            AssertOneEnd(host, open.Id, RmSpec.Rm11).GetStructuredStateValue("Reason"));
        Assert.Equal("terminated by its source (TerminateSequence)",
            AssertOneEnd(host, terminated.Id, RmSpec.Rm11).GetStructuredStateValue("Reason"));
    }

    // The end-of-sequence records (event 20) of sequence id.
    private static FakeLogRecord[] Ends(GatedHost host, string id) =>
        [.. host.Logs!.GetSnapshot().Where(r => r.Id.Id == 20 && r.GetStructuredStateValue("SequenceId") == id)];

    private static FakeLogRecord AssertOneEnd(GatedHost host, string id, RmSpec rm)
    {
        var end = Assert.Single(Ends(host, id));
        Assert.Equal(LogLevel.Information, end.Level);
        Assert.Equal("SequenceEnded", end.Id.Name);
        Assert.Equal("/echo", end.GetStructuredStateValue("Endpoint"));
        Assert.Equal(RmName(rm), end.GetStructuredStateValue("RmVersion"));
        return end;
    }

    private static string RmName(RmSpec rm) => rm == RmSpec.Rm11 ? "1.1" : "1.0";
}
