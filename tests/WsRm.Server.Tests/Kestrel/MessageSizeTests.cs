using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Kestrel;

/// <summary>
/// MaxReceivedMessageSize against Kestrel's own request body limit (30 MB by default, server-wide): the endpoint makes
/// Kestrel's limit its own for each request, so a larger message is accepted when configured, and one over the limit
/// gets 413 with a reason naming the limit, for Content-Length and chunked bodies alike. On real Kestrel, because the
/// in-memory TestServer enforces no such limit.
/// </summary>
public sealed class MessageSizeTests
{
    private const long MB = 1024 * 1024;

    public static TheoryData<bool> Codings => [false, true];

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task A_35MB_message_is_accepted_when_MaxReceivedMessageSize_is_40MB(bool chunked)
    {
        await using var app = await LoopbackApp.StartAsync(o => o.MaxReceivedMessageSize = 40 * MB);

        var response = await RawHttpPost.SendAsync(app.Url("/plain/echo"), new PaddedEcho(35 * MB, app.Url("/plain/echo").ToString(), "big"), chunked);

        AssertEchoed(response, "big");
    }

    [Theory]
    [InlineData("/plain/echo", false)]
    [InlineData("/plain/echo", true)]
    [InlineData("/echo", false)]
    [InlineData("/echo", true)]
    public async Task A_35MB_message_is_refused_with_413_naming_MaxReceivedMessageSize_when_it_is_32MB(string path, bool chunked)
    {
        await using var app = await LoopbackApp.StartAsync(o => o.MaxReceivedMessageSize = 32 * MB);

        var response = await RawHttpPost.SendAsync(app.Url(path), new PaddedEcho(35 * MB, app.Url(path).ToString(), "big"), chunked);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.Status);
        Assert.Contains($"MaxReceivedMessageSize ({32 * MB} bytes)", response.Text);
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task A_smaller_server_wide_Kestrel_limit_is_raised_to_MaxReceivedMessageSize(bool chunked)
    {
        await using var app = await LoopbackApp.StartAsync(o => o.MaxReceivedMessageSize = MB, k => k.Limits.MaxRequestBodySize = 64 * 1024);

        var response = await RawHttpPost.SendAsync(app.Url("/plain/echo"), new PaddedEcho(MB / 2, app.Url("/plain/echo").ToString(), "half"), chunked);

        AssertEchoed(response, "half");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData(100 * MB, false)]
    [InlineData(100 * MB, true)]
    public async Task A_larger_or_no_server_wide_Kestrel_limit_leaves_MaxReceivedMessageSize_in_force(long? kestrelLimit, bool chunked)
    {
        await using var app = await LoopbackApp.StartAsync(o => o.MaxReceivedMessageSize = 64 * 1024, k => k.Limits.MaxRequestBodySize = kestrelLimit);

        var response = await RawHttpPost.SendAsync(app.Url("/plain/echo"), new PaddedEcho(MB, app.Url("/plain/echo").ToString(), "x"), chunked);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.Status);
        Assert.Contains("MaxReceivedMessageSize (65536 bytes)", response.Text);
    }

    [Fact]
    public async Task A_server_limit_that_can_no_longer_be_raised_is_a_413_naming_it_not_an_empty_400()
    {
        // Middleware that has read from the body before the endpoint makes the limit read-only (as request buffering
        // or body logging would); Kestrel then stops the read at its own limit. (Kestrel reads up to its 1 MB request
        // buffer ahead, so its limit is above that, or the middleware's own read would fail.)
        await using var app = await LoopbackApp.StartAsync(
            o => o.MaxReceivedMessageSize = 8 * MB,
            k => k.Limits.MaxRequestBodySize = 2 * MB,
            app => app.Use(async (context, next) =>
            {
                context.Request.EnableBuffering();
                await context.Request.Body.ReadExactlyAsync(new byte[1]);
                context.Request.Body.Position = 0;
                await next(context);
            }));

        var response = await RawHttpPost.SendAsync(app.Url("/plain/echo"), new PaddedEcho(4 * MB, app.Url("/plain/echo").ToString(), "x"), chunked: true);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.Status);
        Assert.Contains($"request body limit ({2 * MB} bytes", response.Text);
        Assert.Contains($"MaxReceivedMessageSize ({8 * MB} bytes)", response.Text);
    }

    private static void AssertEchoed(RawHttpPost.Response response, string text)
    {
        Assert.True(response.Status == (int)HttpStatusCode.OK, $"HTTP {response.Status}: {response.Text}");
        Assert.True(response.BodySent);
        var result = XDocument.Parse(response.Text).Descendants(XName.Get("EchoResult", Ns.Samples)).Single();
        Assert.Equal(text, result.Value);
    }
}
