using System.Text;
using System.Text.Json;

namespace WsRm.Cli.Tests.Commands;

/// <summary>
/// <c>wsrm poison list|show|requeue|purge</c> on a real store (SQLite and PostgreSQL, one subclass each): /orders has sequence s1 with message 1 parked,
/// 2 rejected and 3 ready (not poison); /billing has sequence s2 with message 1 faulted, received last.
/// </summary>
public abstract class PoisonCommandTests : IAsyncLifetime
{
    private const string S1 = "urn:uuid:6c1f2a3e-0001";
    private const string S2 = "urn:uuid:6c1f2a3e-0002";
    private TestStore _store = null!;
    private CliRunner _cli = null!;

    /// <summary>An empty store of the provider under test.</summary>
    protected abstract Task<TestStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.AddMessagesAsync("/orders", S1, 1, MessageState.Parked, MessageState.Rejected, MessageState.Ready);
        await _store.AddMessagesAsync("/billing", S2, 10, MessageState.Faulted);
        _cli = CliRunner.For(_store);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task List_shows_every_poison_message_oldest_first_with_state_attempts_age_and_last_error()
    {
        var result = await _cli.RunAsync("poison", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = TableRows.Parse(result.Out);
        Assert.Equal(["SEQUENCE", "NUMBER", "ENDPOINT", "ACTION", "STATE", "ATTEMPTS", "CYCLES", "AGE", "LAST ERROR"], rows[0]);
        Assert.Equal([S1, "1", "/orders", "urn:wsrm:samples/IOrders/Post", "parked", "3", "2", "59m 59s", "InvalidOperationException: order 1 refused"], rows[1]);
        Assert.Equal([S1, "2", "/orders", "urn:wsrm:samples/IOrders/Post", "rejected", "3", "2", "59m 58s", "InvalidOperationException: order 2 refused"], rows[2]);
        Assert.Equal([S2, "1", "/billing", "urn:wsrm:samples/IOrders/Post", "faulted", "3", "2", "59m 50s", "InvalidOperationException: order 1 refused"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task List_takes_one_endpoint_and_at_most_max_messages()
    {
        var billing = await _cli.RunAsync("poison", "list", "--endpoint", "/billing");
        Assert.Equal([S2], TableRows.Parse(billing.Out).Skip(1).Select(r => r[0]));

        var oldest = await _cli.RunAsync("poison", "list", "--max", "1");
        Assert.Equal(0, oldest.ExitCode);
        Assert.Equal([(S1, "1")], TableRows.Parse(oldest.Out).Skip(1).Select(r => (r[0], r[1])));
        Assert.Contains("--max lists more", oldest.Error);

        var none = await _cli.RunAsync("poison", "list", "-e", "/nothing-here");
        Assert.Equal((0, "No poison messages."), (none.ExitCode, none.Out.Trim()));
    }

    [Fact]
    public async Task List_as_json_gives_the_fields_without_envelopes()
    {
        var result = await _cli.RunAsync("poison", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var first = items[0];
        Assert.Equal(S1, first.GetProperty("sequenceId").GetString());
        Assert.Equal(1UL, first.GetProperty("number").GetUInt64());
        Assert.Equal("/orders", first.GetProperty("endpoint").GetString());
        Assert.Equal("parked", first.GetProperty("state").GetString());
        Assert.Equal((3, 2), (first.GetProperty("attempts").GetInt32(), first.GetProperty("cycles").GetInt32()));
        Assert.Equal(TestStore.T0.AddSeconds(1), first.GetProperty("received").GetDateTimeOffset());
        Assert.Equal(3599, first.GetProperty("ageSeconds").GetInt64());
        Assert.Equal("InvalidOperationException: order 1 refused", first.GetProperty("lastError").GetString());
        Assert.False(first.TryGetProperty("envelope", out _));
        Assert.Equal(["parked", "rejected", "faulted"], items.Select(i => i.GetProperty("state").GetString()));

        var empty = await _cli.RunAsync("poison", "list", "--json", "--endpoint", "/nothing-here");
        Assert.Equal("[]", empty.Out.Trim());
    }

    [Fact]
    public async Task Show_summarises_the_soap_headers_and_indents_the_envelope()
    {
        var result = await _cli.RunAsync("poison", "show", S1, "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal($"Message 1 of sequence {S1} (poison, parked)", lines[0]);
        Assert.Contains("  Endpoint:    /orders", lines);
        Assert.Contains("  Received:    2026-01-01 12:00:01Z (59m 59s ago)", lines);
        Assert.Contains("  Attempts:    3 in the current retry cycle, 2 cycles completed", lines);
        Assert.Contains("  Last error:  InvalidOperationException: order 1 refused", lines);
        Assert.Contains("  SOAP:           1.2", lines);
        Assert.Contains("  wsa:Action:     urn:wsrm:samples/IOrders/Post", lines);
        Assert.Contains("  wsa:MessageID:  urn:uuid:00000000-0000-0000-0000-000000000001", lines);
        Assert.Contains("  wsa:To:         http://127.0.0.1:5080/orders", lines);
        Assert.Contains($"  wsrm:Sequence:  {S1}, message 1 (WS-RM 1.1)", lines);
        // The envelope, stored on one line, printed one element a line and indented by depth.
        var envelope = lines.SkipWhile(l => l != "Envelope").Skip(1).ToList();
        Assert.StartsWith("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"", envelope[0]);
        Assert.Equal("  <s:Header>", envelope[1]);
        Assert.Contains($"      <r:Identifier>{S1}</r:Identifier>", envelope);
        Assert.Contains("  <s:Body>", envelope);
        Assert.Contains("    <Post xmlns=\"urn:wsrm:samples\">", envelope);
        Assert.Contains("      <text>order 1</text>", envelope);
        Assert.Contains("</s:Envelope>", envelope);
    }

    [Fact]
    public async Task Show_as_json_gives_the_headers_and_the_envelope_as_stored()
    {
        var result = await _cli.RunAsync("poison", "show", S2, "1", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(("faulted", "/billing"), (root.GetProperty("state").GetString(), root.GetProperty("endpoint").GetString()));
        var headers = root.GetProperty("headers");
        Assert.Equal("urn:wsrm:samples/IOrders/Post", headers.GetProperty("action").GetString());
        Assert.Equal("urn:uuid:00000000-0000-0000-0000-000000000001", headers.GetProperty("messageId").GetString());
        Assert.Equal((S2, 1UL, "1.1"), (headers.GetProperty("sequenceId").GetString(), headers.GetProperty("messageNumber").GetUInt64(), headers.GetProperty("rmVersion").GetString()));
        Assert.Equal(Encoding.UTF8.GetString(TestStore.Envelope(S2, 1, "order 1")), root.GetProperty("envelope").GetString());
    }

    [Fact]
    public async Task Show_of_a_message_that_is_not_poison_says_its_state()
    {
        var result = await _cli.RunAsync("poison", "show", S1, "3");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"Message 3 of sequence {S1} (ready)", result.Out);
    }

    [Fact]
    public async Task Show_of_a_missing_message_exits_1()
    {
        var result = await _cli.RunAsync("poison", "show", S1, "9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"wsrm: there is no message 9 of sequence {S1} in the store.", result.Error.Trim());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Show_refuses_a_dtd_and_prints_such_an_envelope_as_stored_without_expanding_entities()
    {
        const string hostile = """<!DOCTYPE s:Envelope [<!ENTITY x "expanded-entity">]><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>&x;</s:Body></s:Envelope>""";
        await _store.AddMessagesAsync("/dtd", "urn:uuid:dtd", 20, [MessageState.Parked], _ => Encoding.UTF8.GetBytes(hostile));

        var result = await _cli.RunAsync("poison", "show", "urn:uuid:dtd", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  (not readable: ", result.Out);
        Assert.Contains("Envelope (as stored; not well-formed XML: ", result.Out);
        Assert.Contains("DTD is prohibited", result.Out);
        Assert.Contains(hostile, result.Out);
        Assert.DoesNotContain("<s:Body>expanded-entity", result.Out);
    }

    [Fact]
    public async Task Show_prints_text_that_is_not_xml_as_stored()
    {
        await _store.AddMessagesAsync("/text", "urn:uuid:text", 20, [MessageState.Parked], _ => Encoding.UTF8.GetBytes("not <xml"));

        var result = await _cli.RunAsync("poison", "show", "urn:uuid:text", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Envelope (as stored; not well-formed XML: ", result.Out);
        Assert.Contains("\nnot <xml", result.Out);
    }

    [Fact]
    public async Task Requeue_makes_a_poison_message_ready_with_fresh_retry_counts()
    {
        var result = await _cli.RunAsync("poison", "requeue", S1, "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Requeued message 2 of sequence {S1}.", result.Out.Trim());
        await using (var store = await _store.OpenAsync())
        {
            var message = await store.Admin.FindMessageAsync(S1, 2).WaitAsync(TestStore.Timeout);
            Assert.Equal((MessageState.Ready, 0, 0), (message!.State, message.Attempts, message.Cycles));
        }
        Assert.Equal(["1", "1"], TableRows.Parse((await _cli.RunAsync("poison", "list")).Out).Skip(1).Select(r => r[1]));
    }

    [Fact]
    public async Task Requeue_of_a_message_that_is_missing_or_not_poison_exits_1()
    {
        var ready = await _cli.RunAsync("poison", "requeue", S1, "3");
        Assert.Equal(1, ready.ExitCode);
        Assert.Equal($"wsrm: message 3 of sequence {S1} is ready, not poison; nothing requeued.", ready.Error.Trim());

        var missing = await _cli.RunAsync("poison", "requeue", "urn:uuid:unknown", "1");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("wsrm: there is no message 1 of sequence urn:uuid:unknown in the store.", missing.Error.Trim());
    }

    [Fact]
    public async Task Purge_of_one_message_asks_and_deletes_it_when_the_answer_is_yes()
    {
        var result = await _cli.RunWithInputAsync("y\n", "poison", "purge", S1, "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"Purge poison message 1 of sequence {S1} (/orders, urn:wsrm:samples/IOrders/Post)? [y/N]", result.Error);
        Assert.Equal("Purged 1 poison message.", result.Out.Trim());
        await AssertNumbersAsync(S1, 2UL, 3UL);
    }

    [Theory]
    [InlineData("n\n")]
    [InlineData("\n")]
    [InlineData("whatever\n")]
    public async Task Purge_declined_deletes_nothing_and_exits_1(string answer)
    {
        var result = await _cli.RunWithInputAsync(answer, "poison", "purge", "--all");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Purge 3 poison messages of every endpoint? [y/N]", result.Error);
        Assert.Contains("wsrm: nothing purged.", result.Error);
        await AssertNumbersAsync(S1, 1UL, 2UL, 3UL);
    }

    [Fact]
    public async Task Purge_without_an_answer_on_closed_input_deletes_nothing_and_names_yes()
    {
        var result = await _cli.RunWithInputAsync("", "poison", "purge", "--endpoint", "/orders");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pass --yes to go on without asking", result.Error);
        await AssertNumbersAsync(S1, 1UL, 2UL, 3UL);
    }

    [Fact]
    public async Task Purge_with_yes_does_not_ask_and_leaves_messages_that_are_not_poison()
    {
        var result = await _cli.RunWithInputAsync("", "poison", "purge", "--endpoint", "/orders", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Equal("Purged 2 poison messages.", result.Out.Trim());
        await AssertNumbersAsync(S1, 3UL);
        await AssertNumbersAsync(S2, 1UL);
    }

    [Fact]
    public async Task Purge_of_a_sequence_and_of_everything()
    {
        var sequence = await _cli.RunWithInputAsync("", "poison", "purge", S2, "-y");
        Assert.Equal((0, "Purged 1 poison message."), (sequence.ExitCode, sequence.Out.Trim()));
        await AssertNumbersAsync(S2);

        var all = await _cli.RunWithInputAsync("yes\n", "poison", "purge", "--all");
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.StartsWith("Purge 2 poison messages of every endpoint? [y/N]", all.Error);
        await AssertNumbersAsync(S1, 3UL);

        var nothingLeft = await _cli.RunWithInputAsync("", "poison", "purge", "--all");
        Assert.Equal((0, "No poison messages at any endpoint; nothing to purge."), (nothingLeft.ExitCode, nothingLeft.Out.Trim()));
    }

    [Fact]
    public async Task Purge_of_an_endpoint_without_poison_messages_is_not_an_error()
    {
        var result = await _cli.RunWithInputAsync("y\n", "poison", "purge", "--endpoint", "/nothing-here");

        Assert.Equal((0, "No poison messages at endpoint /nothing-here; nothing to purge.", ""), (result.ExitCode, result.Out.Trim(), result.Error));
        await AssertNumbersAsync(S1, 1UL, 2UL, 3UL);
    }

    [Fact]
    public async Task Purge_of_a_message_that_is_missing_or_not_poison_exits_1_without_asking()
    {
        var ready = await _cli.RunWithInputAsync("y\n", "poison", "purge", S1, "3");
        Assert.Equal(1, ready.ExitCode);
        Assert.Equal($"wsrm: message 3 of sequence {S1} is ready, not poison; nothing purged.", ready.Error.Trim());

        var unknownSequence = await _cli.RunWithInputAsync("", "poison", "purge", "urn:uuid:unknown", "--yes");
        Assert.Equal((1, "Purged 0 poison messages."), (unknownSequence.ExitCode, unknownSequence.Out.Trim()));
        await AssertNumbersAsync(S1, 1UL, 2UL, 3UL);
    }

    [Theory]
    [InlineData("poison", "purge")]
    [InlineData("poison", "purge", "--all", "--endpoint", "/orders")]
    [InlineData("poison", "purge", "--all", "false")]
    [InlineData("poison", "purge", S1, "--all")]
    [InlineData("poison", "purge", S1, "--endpoint", "/orders")]
    [InlineData("poison", "purge", S1, "not-a-number")]
    [InlineData("poison", "show", S1)]
    [InlineData("poison", "requeue", S1, "-1")]
    [InlineData("poison", "list", "--max", "0")]
    [InlineData("poison", "list", "--max", "many")]
    public async Task Wrong_command_lines_exit_2_and_change_nothing(params string[] args)
    {
        var result = await _cli.RunWithInputAsync("y\n", args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.NotEqual("", result.Error);
        await AssertNumbersAsync(S1, 1UL, 2UL, 3UL);
    }

    // The numbers of the messages of a sequence still in the store.
    private async Task AssertNumbersAsync(string sequenceId, params ulong[] expected)
    {
        await using var store = await _store.OpenAsync();
        Assert.Equal(expected, (await store.ReadMessagesAsync(sequenceId).WaitAsync(TestStore.Timeout)).Select(m => m.Number));
    }
}
