using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WsRm.Server.Tests.Configuration;

/// <summary>
/// WsRmServerOptions from configuration (AddWsRmServer(IConfiguration) and AddWsRmServer().BindConfiguration): every key
/// binds; an unknown key, a value that does not convert and a value out of range each stop startup naming the full key.
/// </summary>
public sealed class ServerConfigurationTests
{
    /// <summary>Every server setting, each away from its default.</summary>
    internal static readonly (string Key, string Value)[] EveryServerKey =
    [
        ("WsRm:InactivityTimeout", "00:05:00"),
        ("WsRm:AcknowledgementInterval", "00:00:00.1"),
        ("WsRm:FlowControlEnabled", "false"),
        ("WsRm:MaxTransferWindowSize", "16"),
        ("WsRm:MaxPendingChannels", "256"),
        ("WsRm:MaxSequencesPerClient", "32"),
        ("WsRm:MaxRetryCount", "4"),
        ("WsRm:Ordered", "false"),
        ("WsRm:MaxReceivedMessageSize", "131072"),
        ("WsRm:IncludeExceptionDetailInFaults", "true"),
        ("WsRm:InstanceMode", "PerCall"),
        ("WsRm:ReplyWaitTimeout", "00:00:30"),
        ("WsRm:MaxAcknowledgementRanges", "64"),
    ];

    public static TheoryData<string> Shapes => ["AddWsRmServer(IConfiguration)", "BindConfiguration"];

    private static WebApplication App(string shape, params (string Key, string Value)[] settings) => ConfigApp.Build(settings, b =>
    {
        if (shape == "BindConfiguration") b.Services.AddWsRmServer().BindConfiguration("WsRm");
        else b.Services.AddWsRmServer(b.Configuration.GetSection("WsRm"));
    });

    [Theory, MemberData(nameof(Shapes))]
    public async Task Every_server_key_binds(string shape)
    {
        await using var app = App(shape, EveryServerKey);
        await app.StartAsync().Within();

        var o = app.Services.GetRequiredService<IOptions<WsRmServerOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(5), o.InactivityTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(100), o.AcknowledgementInterval);
        Assert.False(o.FlowControlEnabled);
        Assert.Equal(16, o.MaxTransferWindowSize);
        Assert.Equal(256, o.MaxPendingChannels);
        Assert.Equal(32, o.MaxSequencesPerClient);
        Assert.Equal(4, o.MaxRetryCount);
        Assert.False(o.Ordered);
        Assert.Equal(131072, o.MaxReceivedMessageSize);
        Assert.True(o.IncludeExceptionDetailInFaults);
        Assert.Equal(ServiceInstanceMode.PerCall, o.InstanceMode);
        Assert.Equal(TimeSpan.FromSeconds(30), o.ReplyWaitTimeout);
        Assert.Equal(64, o.MaxAcknowledgementRanges);
        await app.StopAsync().Within();
    }

    [Theory, MemberData(nameof(Shapes))]
    public async Task An_unknown_key_stops_startup_naming_the_full_key(string shape)
    {
        await using var app = App(shape, ("WsRm:MaxTransferWindowSzie", "4"));

        var e = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync().Within());

        var message = ConfigApp.AssertMentions(e, "'WsRm:MaxTransferWindowSzie'");
        Assert.Contains("MaxTransferWindowSize", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxTransferWindowSize", "eight")]
    [InlineData("InactivityTimeout", "ten minutes")]
    [InlineData("Ordered", "maybe")]
    [InlineData("InstanceMode", "PerRequest")]
    [InlineData("MaxReceivedMessageSize", "64k")]
    public async Task A_value_that_does_not_convert_stops_startup_naming_the_full_key(string setting, string value)
    {
        await using var app = App("AddWsRmServer(IConfiguration)", ("WsRm:" + setting, value));

        var e = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync().Within());

        ConfigApp.AssertMentions(e, $"'WsRm:{setting}'");
    }

    [Theory]
    [InlineData("InactivityTimeout", "-00:00:01")]
    [InlineData("AcknowledgementInterval", "-00:00:01")]
    [InlineData("ReplyWaitTimeout", "2.00:00:00")]
    [InlineData("MaxTransferWindowSize", "0")]
    [InlineData("MaxTransferWindowSize", "-8")]
    [InlineData("MaxReceivedMessageSize", "100")]
    [InlineData("InstanceMode", "7")]
    public async Task A_value_out_of_range_stops_startup_naming_the_full_key_and_the_value(string setting, string value)
    {
        await using var app = App("BindConfiguration", ("WsRm:" + setting, value));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Within());

        Assert.Contains($"WsRm:{setting} ('{value}')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_overrides_what_code_set_and_code_keeps_what_configuration_leaves_alone()
    {
        await using var app = ConfigApp.Build([("WsRm:MaxTransferWindowSize", "5")],
            b => b.Services.AddWsRmServer(b.Configuration.GetSection("WsRm"), o =>
            {
                o.MaxTransferWindowSize = 3;
                o.MaxPendingChannels = 7;
            }));
        await app.StartAsync().Within();

        var o = app.Services.GetRequiredService<IOptions<WsRmServerOptions>>().Value;
        Assert.Equal(5, o.MaxTransferWindowSize);
        Assert.Equal(7, o.MaxPendingChannels);
        await app.StopAsync().Within();
    }

    [Fact]
    public async Task The_Endpoints_and_Storage_subsections_are_not_server_settings()
    {
        await using var app = ConfigApp.Build(
            [("WsRm:Ordered", "false"), ("WsRm:Storage:ConnectionString", "Data Source=x.db"), ("WsRm:Endpoints:/counter:Ordered", "true")],
            b =>
            {
                b.Services.AddSingleton<Hosting.CounterLog>();
                b.Services.AddWsRmServer(b.Configuration.GetSection("WsRm"));
            },
            a => a.MapWsRmService<Hosting.Counter>("/counter"));
        await app.StartAsync().Within();

        Assert.False(app.Services.GetRequiredService<IOptions<WsRmServerOptions>>().Value.Ordered);
        await app.StopAsync().Within();
    }

    [Fact]
    public async Task A_value_set_in_code_out_of_range_is_named_as_the_option_not_a_key()
    {
        await using var app = ConfigApp.Build([("WsRm:Ordered", "false")],
            b => b.Services.AddWsRmServer(b.Configuration.GetSection("WsRm"), o => o.MaxRetryCount = 0));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Within());

        Assert.Contains("WsRmServerOptions.MaxRetryCount must be at least 1.", e.Message, StringComparison.Ordinal);
    }
}
