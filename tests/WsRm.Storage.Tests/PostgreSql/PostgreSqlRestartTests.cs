using WsRm.Testing.PostgreSql;
using System.Diagnostics;
using WsRm.Storage.PostgreSql;
using static WsRm.Storage.Tests.StoreTestData;

namespace WsRm.Storage.Tests.PostgreSql;

/// <summary>
/// The server goes away and comes back under one store instance. These tests restart their own throwaway cluster
/// (even when <see cref="PostgreSqlServer.ServerVariable"/> names a server: that one is not theirs to restart).
/// </summary>
public sealed class PostgreSqlRestartTests : IAsyncLifetime
{
    // Each call while the server is down must fail within this (it is refused at once on loopback; the bound is
    // Npgsql's connect timeout, 15 s, with room for a loaded machine).
    private static readonly TimeSpan FailureBound = TimeSpan.FromSeconds(30);

    private PostgreSqlCluster _cluster = null!;
    private PostgreSqlWsRmStore _store = null!;

    public async Task InitializeAsync()
    {
        _cluster = await PostgreSqlCluster.StartAsync();
        await PostgreSqlServer.ExecuteAsync(_cluster.ConnectionString("postgres"), "CREATE DATABASE wsrm");
        _store = new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = _cluster.ConnectionString("wsrm"), Clock = PostgreSqlClock.Application });
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task After_pg_ctl_restart_the_same_store_works_at_the_first_call_of_each_kind()
    {
        // Each kind of call meets the restart first, on a writer or pooled connections the server closed meanwhile; it
        // finds that out, and goes on on a new connection.
        var calls = new (string Kind, Func<Task> Call)[]
        {
            ("commit", async () => Assert.Equal(CommitResult.Committed, await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:after")))))),
            ("read", async () => Assert.NotNull(await _store.FindSequenceAsync("urn:before"))),
            ("claim", async () => Assert.Single(await _store.ClaimMessagesAsync("/orders", 1, T0.AddMinutes(1), TimeSpan.FromMinutes(1)))),
            ("transaction", async () =>
            {
                await using var transaction = await _store.BeginTransactionAsync();
                Assert.Equal(CommitResult.Committed, await transaction.CommitAsync(StoreBatch.Of(new RemoveMessage("urn:before", 1))));
            }),
        };
        await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:before")), new AddMessage(Message("urn:before", 1))));
        foreach (var (kind, call) in calls)
        {
            await WarmUpAsync();
            var postmaster = _cluster.ServerProcessId();

            await _cluster.RestartServerAsync();

            Assert.NotEqual(postmaster, _cluster.ServerProcessId());
            var e = await Record.ExceptionAsync(() => call().WaitAsync(FailureBound));
            Assert.True(e is null, $"The first {kind} after the restart failed: {e}");
        }
        Assert.Equal(2, await _store.CountSequencesAsync());
    }

    [Fact]
    public async Task While_the_server_is_down_calls_fail_promptly_with_StoreUnavailable_and_then_the_same_store_works_again()
    {
        await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:before")), new AddMessage(Message("urn:before", 1))));
        await WarmUpAsync();

        await _cluster.StopServerAsync();

        await FailsAsync(() => _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:lost")))));
        await FailsAsync(() => _store.FindSequenceAsync("urn:before"));
        await FailsAsync(() => _store.ClaimMessagesAsync("/orders", 1, T0.AddMinutes(1), TimeSpan.FromMinutes(1)));
        await FailsAsync(() => _store.BeginTransactionAsync());
        await FailsAsync(() => _store.Admin.GetQueueDepthsAsync());
        await FailsAsync(() => _store.Admin.CheckAsync());

        await _cluster.StartServerAsync();

        Assert.Equal(CommitResult.Committed, await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:after")))).WaitAsync(FailureBound));
        Assert.Equal(["urn:after", "urn:before"], new[] { await _store.FindSequenceAsync("urn:after"), await _store.FindSequenceAsync("urn:before") }
            .Select(s => s!.Id).Order(StringComparer.Ordinal));
        Assert.Null(await _store.FindSequenceAsync("urn:lost"));
        Assert.Single(await _store.ClaimMessagesAsync("/orders", 1, T0.AddMinutes(1), TimeSpan.FromMinutes(1)));
        await using var transaction = await _store.BeginTransactionAsync();
        Assert.Equal(CommitResult.Committed, await transaction.CommitAsync(StoreBatch.Of(new RemoveMessage("urn:before", 1))));
    }

    [Fact]
    public async Task A_frozen_server_makes_calls_fail_within_the_configured_timeouts_and_then_the_same_store_works_again()
    {
        // A server that takes connections and never answers (every process stopped): only timeouts end the calls.
        await using var store = new PostgreSqlWsRmStore(new PostgreSqlStoreOptions
        {
            ConnectionString = _cluster.ConnectionString("wsrm") + ";Timeout=3;Command Timeout=3;Cancellation Timeout=1000",
            Clock = PostgreSqlClock.Application,
        });
        await store.InitializeAsync();
        await store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:before")), new AddMessage(Message("urn:before", 1))));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.ReadMessagesAsync("urn:before"))));

        var processes = ServerProcesses.TreeOf(_cluster.ServerProcessId()!.Value);
        ServerProcesses.Signal(processes, ServerProcesses.SigStop);
        try
        {
            await FailsAsync(() => store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:lost")))));
            await FailsAsync(() => store.FindSequenceAsync("urn:before"));
            await FailsAsync(() => store.ClaimMessagesAsync("/orders", 1, T0.AddMinutes(1), TimeSpan.FromMinutes(1)));
        }
        finally
        {
            ServerProcesses.Signal(processes, ServerProcesses.SigCont);
        }

        Assert.Equal(CommitResult.Committed, await store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:after")))).WaitAsync(FailureBound));
        Assert.NotNull(await store.FindSequenceAsync("urn:before").WaitAsync(FailureBound));
        Assert.Single(await store.ClaimMessagesAsync("/orders", 1, T0.AddMinutes(1), TimeSpan.FromMinutes(1)).WaitAsync(FailureBound));
    }

    // The writer and several pooled connections open when the server goes.
    private async Task WarmUpAsync()
    {
        Assert.Equal(CommitResult.Committed, await _store.CommitAsync(StoreBatch.Of(new DeleteSequence("urn:none"))));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _store.ReadMessagesAsync("urn:none"))));
    }

    private static async Task FailsAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => call().WaitAsync(FailureBound));
        Assert.True(clock.Elapsed < FailureBound, $"Failed after {clock.Elapsed}.");
        Assert.Contains("PostgreSQL store", e.Message);
    }
}
