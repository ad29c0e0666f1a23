using System.Text.Json;

namespace WsRm.Cli.Tests.Commands;

/// <summary><c>wsrm queues</c>: every queue's depth and oldest message, from <see cref="IWsRmStoreAdmin.GetQueueDepthsAsync"/>.</summary>
public abstract class QueuesCommandTests : IAsyncLifetime
{
    private TestStore _store = null!;
    private CliRunner _cli = null!;

    /// <summary>An empty store of the provider under test.</summary>
    protected abstract Task<TestStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        _cli = CliRunner.For(_store);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task An_empty_store_has_no_queues()
    {
        var result = await _cli.RunAsync("queues");

        Assert.Equal((0, "No messages in any queue.", ""), (result.ExitCode, result.Out.Trim(), result.Error));
        Assert.Equal("[]", (await _cli.RunAsync("queues", "--json")).Out.Trim());
    }

    [Fact]
    public async Task Every_kind_of_queue_is_listed_with_its_depth_and_oldest_message_age()
    {
        await _store.AddMessagesAsync("/orders", "urn:uuid:s1", 1, MessageState.Parked, MessageState.Ready, MessageState.Ready);
        await _store.AddOutboxAsync("q1", dead: 1, pending: 2);
        _cli.Time.Advance(TimeSpan.FromDays(2));

        var result = await _cli.RunAsync("queues");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
        [
            ["KIND", "NAME", "MESSAGES", "OLDEST", "AGE"],
            ["target", "/orders", "2", "2026-01-01 12:00:02Z", "2d 0h"],
            ["poison", "/orders", "1", "2026-01-01 12:00:01Z", "2d 0h"],
            ["transmission", "q1", "2", "2026-01-01 12:00:00Z", "2d 1h"],
            ["dead-letter", "q1", "1", "2026-01-01 12:00:00Z", "2d 1h"],
        ], TableRows.Parse(result.Out));
    }

    [Fact]
    public async Task Json_gives_kind_name_count_oldest_and_age_in_seconds()
    {
        await _store.AddOutboxAsync("q1", dead: 0, pending: 3);

        var result = await _cli.RunAsync("queues", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var queue = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(("transmission", "q1", 3L), (queue.GetProperty("kind").GetString(), queue.GetProperty("name").GetString(), queue.GetProperty("count").GetInt64()));
        Assert.Equal(TestStore.T0, queue.GetProperty("oldest").GetDateTimeOffset());
        Assert.Equal(3600, queue.GetProperty("oldestAgeSeconds").GetInt64());
    }
}
