using System.Text.Json;

namespace WsRm.Cli.Tests.Commands;

/// <summary>
/// <c>wsrm deadletter list|show|requeue|purge</c> on a real store (SQLite and PostgreSQL, one subclass each): transmission queue q1 has two dead letters
/// (TimeToLive passed) and one pending message, q2 one dead letter.
/// </summary>
public abstract class DeadLetterCommandTests : IAsyncLifetime
{
    private const string Reason = "TimeToLive expired before the destination acknowledged it.";
    private TestStore _store = null!;
    private CliRunner _cli = null!;
    private long[] _q1Dead = null!;
    private long _q1Pending;
    private long _q2Dead;

    /// <summary>An empty store of the provider under test.</summary>
    protected abstract Task<TestStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        (_q1Dead, var pending) = await _store.AddOutboxAsync("q1", dead: 2, pending: 1);
        _q1Pending = Assert.Single(pending);
        _q2Dead = Assert.Single((await _store.AddOutboxAsync("q2", dead: 1)).Dead);
        _cli = CliRunner.For(_store);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task List_shows_every_dead_letter_oldest_first_with_age_and_reason()
    {
        var result = await _cli.RunAsync("deadletter", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = TableRows.Parse(result.Out);
        Assert.Equal(["ID", "QUEUE", "ACTION", "ATTEMPTS", "AGE", "DEAD FOR", "DEAD REASON"], rows[0]);
        Assert.Equal([$"{_q1Dead[0]}", "q1", "urn:wsrm:samples/IOrders/Post", "0", "1h 0m", "59m 59s", Reason], rows[1]);
        Assert.Equal([_q1Dead[0], _q1Dead[1], _q2Dead], rows.Skip(1).Select(r => long.Parse(r[0])));
    }

    [Fact]
    public async Task List_takes_one_queue_and_at_most_max_and_writes_json()
    {
        var q2 = await _cli.RunAsync("deadletter", "list", "--queue", "q2");
        Assert.Equal([$"{_q2Dead}"], TableRows.Parse(q2.Out).Skip(1).Select(r => r[0]));

        var json = await _cli.RunAsync("deadletter", "list", "-q", "q1", "--max", "1", "--json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var item = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(_q1Dead[0], item.GetProperty("id").GetInt64());
        Assert.Equal(("q1", "dead", Reason), (item.GetProperty("queue").GetString(), item.GetProperty("state").GetString(), item.GetProperty("deadReason").GetString()));
        Assert.Equal(TestStore.T0.AddSeconds(1), item.GetProperty("deadAt").GetDateTimeOffset());
        Assert.Equal(3600, item.GetProperty("ageSeconds").GetInt64());
        Assert.False(item.TryGetProperty("body", out _));

        var none = await _cli.RunAsync("deadletter", "list", "--queue", "q9");
        Assert.Equal((0, "No dead letters."), (none.ExitCode, none.Out.Trim()));
    }

    [Fact]
    public async Task Show_prints_why_it_is_dead_and_its_body_indented()
    {
        var result = await _cli.RunAsync("deadletter", "show", $"{_q1Dead[0]}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal($"Message {_q1Dead[0]} of transmission queue q1 (dead letter)", lines[0]);
        Assert.Contains($"  Dead reason:  {Reason}", lines);
        Assert.Contains("  Dead since:   2026-01-01 12:00:01Z (59m 59s ago)", lines);
        Assert.Contains("  Expires:      2026-01-01 12:00:00Z", lines);
        Assert.Contains("  wsa:Action:     urn:wsrm:samples/IOrders/Post", lines);
        Assert.Equal(["<Post xmlns=\"urn:wsrm:samples\">", "  <text>q1 0</text>", "</Post>"], lines.SkipWhile(l => l != "Body").Skip(1).Take(3));
    }

    [Fact]
    public async Task Show_of_a_pending_message_says_so_and_of_a_missing_one_exits_1()
    {
        var pending = await _cli.RunAsync("deadletter", "show", $"{_q1Pending}");
        Assert.Equal(0, pending.ExitCode);
        Assert.StartsWith($"Message {_q1Pending} of transmission queue q1 (pending, not a dead letter)", pending.Out);

        var missing = await _cli.RunAsync("deadletter", "show", "999");
        Assert.Equal((1, "wsrm: there is no message 999 in any transmission queue."), (missing.ExitCode, missing.Error.Trim()));
    }

    [Fact]
    public async Task Show_as_json_gives_the_body_as_stored()
    {
        var result = await _cli.RunAsync("deadletter", "show", $"{_q2Dead}", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal("<Post xmlns=\"urn:wsrm:samples\"><text>q2 0</text></Post>", document.RootElement.GetProperty("body").GetString());
        Assert.Equal(Reason, document.RootElement.GetProperty("deadReason").GetString());
    }

    [Fact]
    public async Task Requeue_puts_a_dead_letter_back_expiring_after_the_ttl_from_now()
    {
        var result = await _cli.RunAsync("deadletter", "requeue", $"{_q1Dead[0]}", "--ttl", "1.00:00:00");

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var store = await _store.OpenAsync();
        var message = await store.Admin.FindOutboxAsync(_q1Dead[0]).WaitAsync(TestStore.Timeout);
        Assert.Equal((OutboxState.Pending, (string?)null), (message!.State, message.DeadReason));
        Assert.Equal($"Requeued dead letter {_q1Dead[0]}; it expires {message.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z.", result.Out.Trim());
        Assert.Equal(TimeSpan.FromDays(1), message.ExpiresAt.Value - message.Enqueued);
        // SQLite keeps the caller's clock (the fake one at T0 + 1 h); PostgreSQL's default clock is the database's.
        if (_store.Provider == "sqlite") Assert.Equal(TestStore.T0.AddHours(1), message.Enqueued);
        else Assert.InRange(message.Enqueued, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Requeue_without_a_ttl_never_expires()
    {
        var result = await _cli.RunAsync("deadletter", "requeue", $"{_q2Dead}");

        Assert.Equal((0, $"Requeued dead letter {_q2Dead}; it never expires."), (result.ExitCode, result.Out.Trim()));
        await using var store = await _store.OpenAsync();
        var message = await store.Admin.FindOutboxAsync(_q2Dead).WaitAsync(TestStore.Timeout);
        Assert.Equal((OutboxState.Pending, (DateTimeOffset?)null), (message!.State, message.ExpiresAt));
    }

    [Fact]
    public async Task Requeue_of_a_pending_or_missing_message_exits_1()
    {
        var pending = await _cli.RunAsync("deadletter", "requeue", $"{_q1Pending}");
        Assert.Equal((1, $"wsrm: message {_q1Pending} of queue q1 is pending, not a dead letter; nothing requeued."), (pending.ExitCode, pending.Error.Trim()));

        var missing = await _cli.RunAsync("deadletter", "requeue", "999");
        Assert.Equal((1, "wsrm: there is no message 999 in any transmission queue."), (missing.ExitCode, missing.Error.Trim()));
    }

    [Fact]
    public async Task Purge_of_one_dead_letter_asks_and_deletes_it_on_yes()
    {
        var result = await _cli.RunWithInputAsync("y\n", "deadletter", "purge", $"{_q1Dead[1]}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"Purge dead letter {_q1Dead[1]} (queue q1, urn:wsrm:samples/IOrders/Post)? [y/N]", result.Error);
        Assert.Equal("Purged 1 dead letter.", result.Out.Trim());
        await AssertOutboxAsync(_q1Dead[0], _q1Pending, _q2Dead);
    }

    [Fact]
    public async Task Purge_declined_or_unanswered_deletes_nothing_and_exits_1()
    {
        var declined = await _cli.RunWithInputAsync("no\n", "deadletter", "purge", "--queue", "q1");
        Assert.Equal(1, declined.ExitCode);
        Assert.StartsWith("Purge 2 dead letters of queue q1? [y/N]", declined.Error);

        var unanswered = await _cli.RunWithInputAsync("", "deadletter", "purge", "--all");
        Assert.Equal(1, unanswered.ExitCode);
        Assert.StartsWith("Purge 3 dead letters of every transmission queue? [y/N]", unanswered.Error);
        Assert.Contains("pass --yes", unanswered.Error);
        await AssertOutboxAsync(_q1Dead[0], _q1Dead[1], _q1Pending, _q2Dead);
    }

    [Fact]
    public async Task Purge_of_a_queue_with_yes_leaves_its_pending_messages_and_other_queues()
    {
        var result = await _cli.RunWithInputAsync("", "deadletter", "purge", "--queue", "q1", "--yes");

        Assert.Equal((0, "Purged 2 dead letters.", ""), (result.ExitCode, result.Out.Trim(), result.Error));
        await AssertOutboxAsync(_q1Pending, _q2Dead);

        var all = await _cli.RunWithInputAsync("", "deadletter", "purge", "--all", "-y");
        Assert.Equal((0, "Purged 1 dead letter."), (all.ExitCode, all.Out.Trim()));
        await AssertOutboxAsync(_q1Pending);

        var empty = await _cli.RunWithInputAsync("", "deadletter", "purge", "--all");
        Assert.Equal((0, "No dead letters in any transmission queue; nothing to purge."), (empty.ExitCode, empty.Out.Trim()));
    }

    [Fact]
    public async Task Purge_of_a_pending_or_missing_message_exits_1_without_asking()
    {
        var pending = await _cli.RunWithInputAsync("y\n", "deadletter", "purge", $"{_q1Pending}");
        Assert.Equal((1, $"wsrm: message {_q1Pending} of queue q1 is pending, not a dead letter; nothing purged."), (pending.ExitCode, pending.Error.Trim()));

        var missing = await _cli.RunWithInputAsync("y\n", "deadletter", "purge", "999");
        Assert.Equal(1, missing.ExitCode);
        await AssertOutboxAsync(_q1Dead[0], _q1Dead[1], _q1Pending, _q2Dead);
    }

    [Theory]
    [InlineData("deadletter", "purge")]
    [InlineData("deadletter", "purge", "--all", "--queue", "q1")]
    [InlineData("deadletter", "purge", "--all", "false", "--yes")]
    [InlineData("deadletter", "purge", "1", "--queue", "q1")]
    [InlineData("deadletter", "purge", "one")]
    [InlineData("deadletter", "show")]
    [InlineData("deadletter", "requeue", "1", "--ttl", "soon")]
    [InlineData("deadletter", "requeue", "1", "--ttl", "00:00:00")]
    [InlineData("deadletter", "requeue", "1", "--ttl", "-01:00:00")]
    [InlineData("deadletter", "list", "--max", "-5")]
    public async Task Wrong_command_lines_exit_2_and_change_nothing(params string[] args)
    {
        var result = await _cli.RunWithInputAsync("y\n", args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.NotEqual("", result.Error);
        await AssertOutboxAsync(_q1Dead[0], _q1Dead[1], _q1Pending, _q2Dead);
    }

    // The ids of every message (pending or dead) left in the transmission queues.
    private async Task AssertOutboxAsync(params long[] expected)
    {
        await using var store = await _store.OpenAsync();
        var left = new List<long>();
        foreach (var id in new[] { _q1Dead[0], _q1Dead[1], _q1Pending, _q2Dead })
            if (await store.Admin.FindOutboxAsync(id).WaitAsync(TestStore.Timeout) is not null) left.Add(id);
        Assert.Equal(expected.Order(), left.Order());
    }
}
