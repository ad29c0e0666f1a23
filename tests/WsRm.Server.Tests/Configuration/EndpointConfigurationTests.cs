using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Server.Sequences;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Configuration;

/// <summary>
/// Per-endpoint settings from WsRm:Endpoints:{route pattern}, on the sample host and on a minimal app: they take effect
/// on the wire, override what the code's configure delegate set, and a key that is not a setting, a bad value or a
/// pattern nothing maps stops startup naming the key.
/// </summary>
public sealed class EndpointConfigurationTests
{
    [Theory, WireMatrix]
    public async Task An_endpoint_configured_unordered_delivers_in_arrival_order_while_the_server_default_is_ordered(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:Endpoints:/echo:Ordered", "false"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = await session.PostAsync(2, "cfg-b");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        await session.PostAsync(1, "cfg-a");

        Assert.Equal(["cfg-b", "cfg-a"], await session.ReceivedAsync(3, "cfg-"));
    }

    [Theory, WireMatrix]
    public async Task An_endpoint_configured_ordered_holds_back_a_later_message_while_the_server_default_is_unordered(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:Ordered", "false"), ("WsRm:Endpoints:/echo:Ordered", "true"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        await session.PostAsync(2, "ord-b");
        await session.PostAsync(1, "ord-a");

        Assert.Equal(["ord-a", "ord-b"], await session.ReceivedAsync(3, "ord-"));
    }

    [Fact]
    public async Task Configuration_overrides_the_code_delegate_of_the_endpoint()
    {
        // The sample host maps /durable/echo with o.Durable = true in code; configuration turns it off and /echo on.
        await using var host = new EchoHost(("WsRm:Endpoints:/durable/echo:Durable", "false"), ("WsRm:Endpoints:/echo:Durable", "true"));
        host.CreateClient().Dispose();

        var durable = host.Services.GetRequiredService<SequenceManager>().DurableEndpoints.Select(e => e.Pattern).Order().ToArray();
        Assert.Equal(["/echo", "/queue/post"], durable);
    }

    [Fact]
    public async Task The_queued_endpoint_runs_with_the_settings_of_its_section()
    {
        await using var host = new EchoHost(
            ("WsRm:Endpoints:/queue/post:Lease", "00:00:07"),
            ("WsRm:Endpoints:/queue/post:MaxConcurrentCalls", "3"),
            ("WsRm:Endpoints:/queue/post:ReceiveErrorHandling", "Drop"),
            ("WsRm:Endpoints:/queue/post:Ordered", "false"));
        host.CreateClient().Dispose();

        var endpoint = host.Services.GetRequiredService<SequenceManager>().DurableEndpoints.Single(e => e.Pattern == "/queue/post");
        Assert.Equal(TimeSpan.FromSeconds(7), endpoint.Queue!.Lease);
        Assert.Equal(3, endpoint.Queue.MaxConcurrentCalls);
        Assert.Equal(ReceiveErrorHandling.Drop, endpoint.Queue.ReceiveErrorHandling);
        Assert.False(endpoint.Ordered);
    }

    [Fact]
    public async Task Instance_mode_from_configuration_replaces_the_one_in_code_on_the_wire()
    {
        await using var app = ConfigApp.Build([("WsRm:Endpoints:/counter:InstanceMode", "Single")],
            b =>
            {
                b.Services.AddSingleton<CounterLog>();
                b.Services.AddWsRmServer().BindConfiguration("WsRm");
            },
            a => a.MapWsRmService<Counter>("/counter", o => o.InstanceMode = ServiceInstanceMode.PerCall));
        await app.StartAsync().Within();
        var client = new WireClient(app.GetTestClient());
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var first = await RmSession.CreateAsync(client, wire, "/counter");
        var second = await RmSession.CreateAsync(client, wire, "/counter");

        Assert.Equal("1", await IncrementAsync(first, 1));
        Assert.Equal("2", await IncrementAsync(second, 1));
        Assert.Equal("3", await IncrementAsync(first, 2));
    }

    [Theory]
    [InlineData("WsRm:Endpoints:/echo:Orderd", "false", "'WsRm:Endpoints:/echo:Orderd'")]
    [InlineData("WsRm:Endpoints:/queue/post:Leese", "00:00:05", "'WsRm:Endpoints:/queue/post:Leese'")]
    [InlineData("WsRm:Endpoints:/echo:Contract", "WsRm.Host.Services.IEchoService", "'WsRm:Endpoints:/echo:Contract' cannot be set from configuration")]
    [InlineData("WsRm:Endpoints:/echo:Ordered", "sometimes", "'WsRm:Endpoints:/echo:Ordered'")]
    [InlineData("WsRm:Endpoints:/echo:Address", "not/absolute", "WsRm:Endpoints:/echo:Address ('not/absolute') must be an absolute URI")]
    [InlineData("WsRm:Endpoints:/echo:InstanceMode", "9", "WsRm:Endpoints:/echo:InstanceMode ('9')")]
    [InlineData("WsRm:Endpoints:/queue/post:Lease", "-00:00:01", "WsRm:Endpoints:/queue/post:Lease ('-00:00:01') must be positive")]
    [InlineData("WsRm:Endpoints:/queue/post:MaxConcurrentCalls", "0", "WsRm:Endpoints:/queue/post:MaxConcurrentCalls ('0')")]
    [InlineData("WsRm:Endpoints:/plain/echo:Durable", "true", "WsRm:Endpoints:/plain/echo:Durable ('true') needs WS-RM sessions")]
    [InlineData("WsRm:Endpoints:/ecoh:Ordered", "false", "'WsRm:Endpoints:/ecoh' names no mapped WS-RM or SOAP endpoint")]
    public async Task A_bad_endpoint_setting_stops_the_sample_host_naming_the_key(string key, string value, string expected)
    {
        await using var host = new EchoHost((key, value));

        var e = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        ConfigApp.AssertMentions(e, expected);
    }

    private static async Task<string> IncrementAsync(RmSession session, ulong number)
    {
        var reply = await session.SendAsync(Messages.Application(session.Wire, session.To, CounterNames.IncrementAction, session.Id, number,
            CounterNames.IncrementBody));
        reply.AssertOk();
        return reply.BodyElement!.Value;
    }
}
