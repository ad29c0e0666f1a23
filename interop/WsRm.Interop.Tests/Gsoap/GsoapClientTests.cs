using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests.Gsoap;

/// <summary>
/// gSOAP 2.8's WS-RM client (a real process, built from Debian's packages by interop/gsoap/build.sh) against the WsRm
/// server on Kestrel: CreateSequence with an Offer, one-way Post and request-reply Echo, Received, close
/// (1.1 CloseSequence, 1.0 LastMessage) and TerminateSequence, over RM 1.0 and 1.1 and SOAP 1.1 and 1.2.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class GsoapClientTests(InteropServerFixture server)
{
    private const int Count = 5;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("rm10", "soap11")]
    [InlineData("rm10", "soap12")]
    [InlineData("rm11", "soap11")]
    [InlineData("rm11", "soap12")]
    public async Task Gsoap_client_posts_arrive_once_in_order_and_every_echo_gets_its_own_reply(string rm, string soap)
    {
        var prefix = Texts.UniquePrefix($"Gsoap-{rm}-{soap}");
        var program = await GsoapBuild.ProgramAsync("gsoap-client-" + rm);
        await using var client = GsoapProcess.Start(program, server.Url("/echo").ToString(), Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--" + soap, "--prefix", prefix);

        var exit = await client.WaitForExitAsync(RunTimeout);

        var report = await client.ReportAsync();
        Assert.True(exit == 0, $"{client.Description} exited with {exit}.\n{report}");
        var posts = Enumerable.Range(1, Count).Select(i => $"{prefix}post-{i}").ToArray();
        var echoes = Enumerable.Range(1, Count).Select(i => $"{prefix}echo-{i}").ToArray();
        Assert.Equal(posts, server.Posted.StartingWith(prefix));
        Assert.Equal(posts, Values(client, "POSTED "));
        Assert.Equal(echoes.Select(e => $"{e} -> {e}"), Values(client, "ECHO "));
        Assert.Equal(posts, Values(client, "RECEIVED "));
        Assert.Contains("CLOSED", client.Lines);
        Assert.Contains("NACK 0", client.Lines);
        Assert.Equal("DONE", client.Lines[^1]);
    }

    private static string[] Values(GsoapProcess process, string tag) =>
        process.Lines.Where(l => l.StartsWith(tag, StringComparison.Ordinal)).Select(l => l[tag.Length..]).ToArray();
}
