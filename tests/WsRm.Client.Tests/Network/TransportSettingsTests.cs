using System.Net;
using System.Net.Http.Headers;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Network;

/// <summary>The transport options (quick retry delay, per-request timeout) and how HTTP failures are classified.</summary>
public sealed class TransportSettingsTests
{
    private static WsRmClientOptions Options() => new() { Address = new Uri("http://service/echo") };

    [Fact]
    public void Defaults_retry_after_100_ms_and_derive_the_request_timeout_from_the_retransmission_timeout()
    {
        var options = Options();
        options.Validate();
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.TransportRetryDelay);
        Assert.Null(options.RequestTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.ToSettings().TransportRetryDelay);

        Assert.Equal(TimeSpan.FromSeconds(2), options.AttemptTimeout(TimeSpan.FromMilliseconds(50)));  // at least 2 s
        Assert.Equal(TimeSpan.FromSeconds(12), options.AttemptTimeout(TimeSpan.FromSeconds(3)));      // 4 RTO
        Assert.Equal(TimeSpan.FromMinutes(1), options.AttemptTimeout(TimeSpan.FromMinutes(5)));       // at most OperationTimeout
        options.OperationTimeout = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(1), options.AttemptTimeout(TimeSpan.FromMilliseconds(50)));
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.AttemptTimeout(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("retry delay zero")]
    [InlineData("retry delay above the ceiling")]
    [InlineData("request timeout zero")]
    public void Invalid_transport_settings_are_named(string which)
    {
        var options = Options();
        var name = which switch
        {
            "retry delay zero" => Set(() => options.TransportRetryDelay = TimeSpan.Zero, nameof(WsRmClientOptions.TransportRetryDelay)),
            "retry delay above the ceiling" => Set(() => options.TransportRetryDelay = TimeSpan.FromMinutes(2), nameof(WsRmClientOptions.TransportRetryDelay)),
            _ => Set(() => options.RequestTimeout = TimeSpan.Zero, nameof(WsRmClientOptions.RequestTimeout)),
        };
        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Contains(name, error.Message);
    }

    private static string Set(Action set, string name)
    {
        set();
        return name;
    }

    [Theory]
    [InlineData(HttpStatusCode.ProxyAuthenticationRequired, true)]
    [InlineData(HttpStatusCode.Unauthorized, true)]
    [InlineData(HttpStatusCode.NotFound, true)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, true)]
    [InlineData(HttpStatusCode.Found, true)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.BadGateway, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.GatewayTimeout, false)]
    public void Only_statuses_that_retrying_cannot_change_are_permanent(HttpStatusCode status, bool permanent)
    {
        Assert.Equal(permanent, TransportErrors.IsPermanentStatus(status));
        Assert.Equal(!permanent, TransportErrors.IsTransient(new HttpRequestException("x", null, status)));
    }

    [Fact]
    public void Network_failures_timeouts_and_non_SOAP_answers_are_transient_and_others_are_not()
    {
        Assert.True(TransportErrors.IsTransient(new HttpRequestException("Connection refused (127.0.0.1:9)")));
        Assert.True(TransportErrors.IsTransient(new IOException("reset")));
        Assert.True(TransportErrors.IsTransient(new TaskCanceledException()));
        Assert.True(TransportErrors.IsTransient(new TransportException("HTTP 503 Service Unavailable")));
        Assert.False(TransportErrors.IsTransient(new InvalidOperationException()));
        Assert.Equal("An error occurred while sending the request. Connection refused",
            TransportErrors.Describe(new HttpRequestException("An error occurred while sending the request.", new IOException("Connection refused"))));
    }

    [Theory]
    [InlineData(407, "HTTP 407 Proxy Authentication Required.", "WebProxy.Credentials")]
    [InlineData(302, "HTTP 302 Found.", "set Via to the final URL (http://elsewhere/echo)")]
    public async Task A_permanent_status_is_thrown_with_the_status_and_what_to_check(int status, string text, string hint)
    {
        using var http = new HttpClient(new StatusHandler((HttpStatusCode)status));
        var transport = new SoapTransport(http, new Uri("http://service/echo"), SoapVersion.Soap12, 1024);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => transport.SendAsync([1], "urn:a", CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains("POST http://service/echo was answered " + text, error.Message);
        Assert.Contains(hint, error.Message);
    }

    private sealed class StatusHandler(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("<html/>", new MediaTypeHeaderValue("text/html")) };
            if ((int)status is >= 300 and < 400) response.Headers.Location = new Uri("http://elsewhere/echo");
            return Task.FromResult(response);
        }
    }
}
