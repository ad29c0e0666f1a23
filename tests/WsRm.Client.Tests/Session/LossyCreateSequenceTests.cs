using WsRm.Client.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsRm.Client.Tests.Session;

/// <summary>Opening a session when CreateSequence or its answer is lost or duplicated on the way.</summary>
[Collection(LossyEchoServer.Collection)]
public sealed class LossyCreateSequenceTests(LossyEchoServer server, ITestOutputHelper output)
{
    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_CreateSequence_or_its_answer_lost_is_retried_and_the_session_opens(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var forwarder = await LossyForwarder.StartAsync(server.Ordered, 0, LossyProfile.Faithful);
        forwarder.Script(CreateSequence(rm), LossyFault.DropResponse, LossyFault.DropRequest, LossyFault.DelayResponse);
        await OpenUseAndCloseAsync(forwarder, rm, soap);
        Assert.Equal(3, forwarder.Exchanges.Count(e => e.Action == CreateSequence(rm)));
        Assert.Equal(0, forwarder.ScriptedPending);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_CreateSequence_duplicated_on_the_way_still_opens_the_session(WsRmVersion rm, WsRmSoapVersion soap)
    {
        // The service gets the same CreateSequence (same MessageID, same Offer) twice, the second once the first is
        // answered; the client gets the answer to the second copy, as behind an intermediary that retried.
        await using var forwarder = await LossyForwarder.StartAsync(server.Ordered, 0, LossyProfile.Faithful);
        forwarder.Script(CreateSequence(rm), LossyFault.DuplicateRequestAfterAnswer);
        await OpenUseAndCloseAsync(forwarder, rm, soap);
        Assert.Equal(1, forwarder.DuplicatedRequests);
    }

    // The session runs on a test clock moved only when no request is in flight: a CreateSequence retry happens when
    // its delay is due, never because a slow answer ran past the attempt timeout, so the attempts counted are exact.
    private async Task OpenUseAndCloseAsync(LossyForwarder forwarder, WsRmVersion rm, WsRmSoapVersion soap)
    {
        var clock = new TestClock();
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        using var http = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        var log = new RecordingLogger(clock);
        var prefix = $"create-{Guid.NewGuid():N}-";
        await LossyNetworkTests.RunLoggedAsync(log, forwarder, $"create-{rm}-{soap}", async () =>
        {
            var open = WsRmSession.OpenAsync(http, LossyNetworkTests.LossyOptions(server.Ordered, rm, soap, forwarder.Address), clock, log);
            await clock.RunUntilAsync(traffic, () => open.IsCompleted, () => true, () => null, clock.Start + TimeSpan.FromSeconds(10));
            var session = await open.Within(Bounded.Short);
            await using (session)
            {
                await session.PostAsync(prefix + "post").Within(Bounded.Short);
                Assert.Equal(prefix + "echo", await session.EchoAsync(prefix + "echo").Within(Bounded.Short));
                await session.CloseAsync().Within(Bounded.Short);
            }
        });
        Assert.Equal([prefix + "post"], server.Ledger.PostsStartingWith(prefix));
        output.WriteLine($"{rm} {soap}: {string.Join(", ", forwarder.Exchanges)}");
    }

    private static string CreateSequence(WsRmVersion rm) =>
        (rm == WsRmVersion.Rm10 ? "http://schemas.xmlsoap.org/ws/2005/02/rm" : "http://docs.oasis-open.org/ws-rx/wsrm/200702") + "/CreateSequence";
}
