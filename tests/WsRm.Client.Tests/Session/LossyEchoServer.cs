using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// What the lossy tests' service executed, kept in the test process so a test checks the server side directly:
/// each post in processing order, and how many times each post and each echo text ran. (The sample host's
/// <see cref="PostedTexts"/> keeps posts only, so echoes could not be counted there.)
/// </summary>
public sealed class LossyLedger
{
    private readonly PostedTexts _posted = new();
    private readonly ConcurrentDictionary<string, int> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _echoes = new(StringComparer.Ordinal);

    public void Posted(string text)
    {
        _posted.Add(text);
        _posts.AddOrUpdate(text, 1, (_, n) => n + 1);
    }

    public void Echoed(string text) => _echoes.AddOrUpdate(text, 1, (_, n) => n + 1);

    /// <summary>The posts starting with <paramref name="prefix"/>, in the order the service ran them.</summary>
    public string[] PostsStartingWith(string prefix) => _posted.StartingWith(prefix);

    /// <summary>How many times Post ran with <paramref name="text"/>.</summary>
    public int PostCount(string text) => _posts.GetValueOrDefault(text);

    /// <summary>How many times Echo ran with <paramref name="text"/>.</summary>
    public int EchoCount(string text) => _echoes.GetValueOrDefault(text);

    /// <summary>Echo executions whose text starts with <paramref name="prefix"/>, summed.</summary>
    public int EchoExecutions(string prefix) => _echoes.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(e => e.Value);
}

/// <summary>The sample contract, recording every execution in the <see cref="LossyLedger"/>.</summary>
public sealed class LossyEchoService(LossyLedger ledger) : IEchoService
{
    public string Echo(string text)
    {
        ledger.Echoed(text ?? "");
        return text ?? "";
    }

    public void Post(string text) => ledger.Posted(text ?? "");

    public string[] Received(string prefix) => ledger.PostsStartingWith(prefix ?? "");

    public int Record(string text)
    {
        ledger.Posted(text ?? "");
        return ledger.PostCount(text ?? "");
    }
}

/// <summary>
/// A WsRm server on loopback for the lossy tests: <c>/echo</c> (ordered) and <c>/echo-unordered</c>, the sample
/// contract over <see cref="LossyEchoService"/>. Its own server, so sequences the faults orphan (a lost
/// CreateSequenceResponse, a duplicated CreateSequence, a blackholed session) do not use up another fixture's
/// per-client sequence limit.
/// </summary>
public sealed class LossyEchoServer : IAsyncLifetime
{
    public const string Collection = "lossy network";

    private readonly LoopbackServer _server;

    public LossyEchoServer() => _server = new LoopbackServer(
        app =>
        {
            app.MapWsRmService<LossyEchoService>("/echo");
            app.MapWsRmService<LossyEchoService>("/echo-unordered", o => o.Ordered = false);
        },
        builder =>
        {
            builder.Services.AddSingleton(Ledger);
            builder.Services.AddWsRmServer(o =>
            {
                o.MaxPendingChannels = 1000;
                o.MaxSequencesPerClient = 1000;
            });
        });

    public Uri BaseAddress => _server.BaseAddress;

    public Uri Ordered => _server.Url("/echo");

    public Uri Unordered => _server.Url("/echo-unordered");

    public LossyLedger Ledger { get; } = new();

    public Task InitializeAsync() => _server.StartAsync();

    public Task DisposeAsync() => _server.StopAsync();
}

/// <summary>
/// The lossy tests share one <see cref="LossyEchoServer"/> and run alone, after the parallel collections: their
/// timing bounds then do not depend on what else the two cores are doing, and their load does not disturb others.
/// </summary>
[CollectionDefinition(LossyEchoServer.Collection, DisableParallelization = true)]
public sealed class LossyNetworkCollection : ICollectionFixture<LossyEchoServer>;
