using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host;
using WsRm.Host.Services;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// The real sample host (WsRm server) on loopback as a queue's destination: <c>/echo</c> keeps sequences in memory, so
/// a restart forgets them; the posted texts are kept in the host's own SQLite file, so they survive it. Stopped, it
/// refuses connections on its port; started again, it listens on the same one.
/// </summary>
internal sealed class EchoDestination : IAsyncDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"wsrm-destination-{Guid.NewGuid():N}.db");
    private readonly LoopbackServer _host;
    private readonly AsyncSignal _posted = new();

    public EchoDestination() =>
        _host = new LoopbackServer((args, configure) => HostApp.Build([.. args, "--WsRm:Storage:ConnectionString", $"Data Source={_database}"], b =>
        {
            configure(b);
            b.Services.AddSingleton<IPostedTexts>(sp => new SignallingTexts(ActivatorUtilities.CreateInstance<StoredPostedTexts>(sp), _posted));
        }));

    /// <summary>Takes a port and stops at once: the destination is down, its address known.</summary>
    public static async Task<EchoDestination> ReserveAsync()
    {
        var destination = new EchoDestination();
        await destination.StartAsync();
        await destination.StopAsync();
        return destination;
    }

    public Uri Echo => new(_host.BaseAddress, "/echo");

    /// <summary>The durable endpoint: its sequences, accepted messages and posted texts survive a restart.</summary>
    public Uri DurableEcho => new(_host.BaseAddress, "/durable/echo");

    public Uri Base => _host.BaseAddress;

    public Task StartAsync() => _host.StartAsync();

    public Task StopAsync() => _host.StopAsync();

    /// <summary>The texts the service was given, in the order it processed them (the destination must be running).</summary>
    public string[] Received(string prefix) =>
        (_host.Services ?? throw new InvalidOperationException("The destination is stopped.")).GetRequiredService<IPostedTexts>().StartingWith(prefix);

    /// <summary>Waits (on the service's own signal) until the texts received with <paramref name="prefix"/> satisfy <paramref name="done"/>; returns them.</summary>
    public async Task<string[]> ReceivedAsync(string prefix, Func<string[], bool> done, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? Bounded.Long);
        while (true)
        {
            var changed = _posted.WaitAsync();
            var texts = Received(prefix);
            if (done(texts)) return texts;
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The destination received {texts.Length} text(s) with '{prefix}' and no more: {string.Join(", ", texts.TakeLast(5))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_database + suffix)) File.Delete(_database + suffix);
    }
}
