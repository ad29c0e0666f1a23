namespace WsRm.Server.Tests.Harness;

/// <summary>
/// WS-RM 1.1 LastMsgNumber consistency (§3.5, §3.6): a CloseSequence or TerminateSequence whose LastMsgNumber is below
/// a number already received, or a second, different LastMsgNumber, ends the sequence with SequenceTerminated (Sender),
/// as WCF's destination does; consistent repetitions are fine.
/// </summary>
public sealed class LastMsgNumberTests
{
    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task Close_BelowANumberReceived_EndsTheSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.PostAsync(1, "lm-a");
        await session.PostAsync(3, "lm-c");

        var close = await session.CloseAsync(lastMsgNumber: 2);

        var fault = FaultAssert.RmHeaderFault(close, wire, "SequenceTerminated", session.Id);
        Assert.Contains("below message 3", fault.Reason);
        FaultAssert.RmHeaderFault(await session.PostAsync(2, "lm-b"), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task Terminate_BelowANumberReceived_EndsTheSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        await session.EchoOkAsync(2, "b");

        FaultAssert.RmHeaderFault(await session.TerminateAsync(lastMsgNumber: 1), wire, "SequenceTerminated", session.Id);
        FaultAssert.RmHeaderFault(await session.AckRequestedAsync(), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task Terminate_WithAnotherLastMsgNumberThanClose_EndsTheSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        (await session.CloseAsync(lastMsgNumber: 1)).AssertOk();

        var fault = FaultAssert.RmHeaderFault(await session.TerminateAsync(lastMsgNumber: 2), wire, "SequenceTerminated", session.Id);
        Assert.Contains("two different last message numbers", fault.Reason);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task Close_TwiceWithDifferentNumbers_EndsTheSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        (await session.CloseAsync(lastMsgNumber: 2)).AssertOk();

        FaultAssert.RmHeaderFault(await session.CloseAsync(lastMsgNumber: 3), wire, "SequenceTerminated", session.Id);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task ConsistentNumbers_CloseTheSequenceNormally(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        await session.EchoOkAsync(2, "b");

        (await session.CloseAsync(lastMsgNumber: 2)).AssertOk();
        (await session.CloseAsync(lastMsgNumber: 2)).AssertOk();
        var terminated = await session.TerminateAsync(lastMsgNumber: 2);

        terminated.AssertOk();
        Assert.Equal("1-2", terminated.AckFor(session.Id).RangeText);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task Terminate_NamingMoreThanArrivedAfterACloseWithout_IsAccepted(RmSpec rm, SoapSpec soap)
    {
        // Close without LastMsgNumber stands in the highest number received; the source may still say that more
        // were sent (and lost): that is an incomplete sequence, not an inconsistency.
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        (await session.CloseAsync()).AssertOk();

        (await session.TerminateAsync(lastMsgNumber: 3)).AssertOk();
    }
}
