using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Hosting;

/// <summary>WsRmServerOptions are validated when the host starts (ValidateOnStart), with messages naming the setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("MaxTransferWindowSize", "0")]
    [InlineData("MaxTransferWindowSize", "5000")]
    [InlineData("InactivityTimeout", "00:00:00")]
    [InlineData("AcknowledgementInterval", "-00:00:01")]
    [InlineData("MaxPendingChannels", "0")]
    [InlineData("MaxSequencesPerClient", "0")]
    [InlineData("MaxRetryCount", "0")]
    [InlineData("MaxReceivedMessageSize", "100")]
    [InlineData("MaxAcknowledgementRanges", "0")]
    public async Task InvalidSetting_FailsHostStart_NamingTheSetting(string setting, string value)
    {
        await using var app = TestApp.Build(b =>
        {
            b.Configuration["WsRm:" + setting] = value;
            b.Services.AddWsRmServer(o => b.Configuration.GetSection("WsRm").Bind(o));
        });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Within());

        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxTransferWindowSizeZero_InCode_FailsHostStart()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(o => o.MaxTransferWindowSize = 0));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Within());

        Assert.Contains("MaxTransferWindowSize", e.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(WsRmServerOptions), e.OptionsType);
    }

    [Fact]
    public async Task SampleHost_WithMaxTransferWindowSizeZeroInConfiguration_DoesNotStart()
    {
        await using var host = new EchoHost(("WsRm:MaxTransferWindowSize", "0"));

        var e = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var validation = Flatten(e).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"Expected an OptionsValidationException, got:\n{e}");
        Assert.Contains("MaxTransferWindowSize", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidSettings_Start()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(o =>
        {
            o.MaxTransferWindowSize = 1;
            o.MaxReceivedMessageSize = 1024;
            o.InactivityTimeout = TimeSpan.FromSeconds(1);
        }));

        await app.StartAsync().Within();
        await app.StopAsync().Within();
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a)
                foreach (var inner in a.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }
}
