using WsRm.Server.Tests.Harness.Gated;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// An unexpected exception from the service ends the reliable session on the server too, right after its fault is
/// sent (WCF faults a sessionful channel then, and its client faults its own); a <c>FaultException</c> is part of the
/// contract and keeps the session.
/// </summary>
public sealed class ServiceFailureTests
{
    [Theory, WireMatrix]
    public async Task UnexpectedException_IsAnsweredWithItsFault_ThenTheSequenceIsGone(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "fine");

        var failed = await session.EchoAsync(2, "throw now");

        AssertInternalServiceFault(failed);
        Assert.DoesNotContain("throw now", failed.Text);
        Assert.Equal(2UL, failed.Sequence?.MessageNumber);
        FaultAssert.RmHeaderFault(await session.EchoAsync(3, "after"), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix]
    public async Task FaultException_KeepsTheSession(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        FaultAssert.SoapFault(await session.EchoAsync(1, "fault on purpose"), soap, "Sender", "Client");
        await session.EchoOkAsync(2, "still here");
    }

    [Fact]
    public async Task AClientThatRetriesOnNewSessions_DoesNotRunIntoMaxSequencesPerClient()
    {
        await using var host = await GatedHost.StartAsync(o => o.MaxSequencesPerClient = 2);
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var session = await RmSession.CreateAsync(host.Wire, wire);
            AssertInternalServiceFault(await session.EchoAsync(1, "throw again"));
        }
    }

    // WCF's InternalServiceFault (Receiver with the dispatcher's subcode in SOAP 1.2, the subcode itself in SOAP 1.1).
    private static void AssertInternalServiceFault(WireResponse response)
    {
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.Status);
        var fault = response.Fault ?? throw new Xunit.Sdk.XunitException("No fault.\n" + response.Text);
        Assert.Contains(fault.Subcodes.Append(fault.Code), c => c.LocalName == "InternalServiceFault");
        Assert.Equal("The server was unable to process the request due to an internal error.", fault.Reason);
    }
}
