using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WsRm.Host.Services;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Stores;
using WsRm.Storage;
using WsRm.Testing;
using WsRm.Testing.PostgreSql;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// The database fails while a service runs a message in the store's transaction (exactly-once processing): the
/// service's work fails because the store did, which is not the service's failure. The message is not done and the
/// session is not ended: it leaves memory (a request waiting for its reply gets 503) and the message runs again once
/// the store answers, its text recorded once. The outages: the database stopped with the service's transaction begun
/// (the connection breaks under it) or before it begins, and only the service's connection terminated (the database
/// stays up: a done mark would commit, so the failure must not be taken for the service's). The server reads the
/// session again by itself once the store answers. A cluster of its own.
/// </summary>
public sealed class PostgreSqlServiceStoreFailureTests : IAsyncLifetime
{
    private PostgreSqlCluster _cluster = null!;

    public enum Outage
    {
        /// <summary>pg_ctl stop while the service holds its transaction.</summary>
        StoppedUnderTransaction,

        /// <summary>pg_ctl stop before the service begins its transaction.</summary>
        StoppedBeforeTransaction,

        /// <summary>pg_terminate_backend of the service's connection; the database stays up.</summary>
        ConnectionTerminated,
    }

    public async Task InitializeAsync()
    {
        _cluster = await PostgreSqlCluster.StartAsync();
        await PostgreSqlServer.ExecuteAsync(_cluster.ConnectionString("postgres"), "CREATE DATABASE wsrm");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Theory]
    [InlineData(Outage.StoppedUnderTransaction, false)]
    [InlineData(Outage.StoppedBeforeTransaction, false)]
    [InlineData(Outage.ConnectionTerminated, false)]
    [InlineData(Outage.StoppedUnderTransaction, true)]
    [InlineData(Outage.StoppedBeforeTransaction, true)]
    [InlineData(Outage.ConnectionTerminated, true)]
    public async Task A_service_whose_store_transaction_fails_with_the_database_runs_again_once_it_is_back(Outage outage, bool requestReply)
    {
        var backend = 0;
        await using var host = new EchoHost(StoreUnderTest.OnCluster(_cluster, "wsrm"))
        {
            // The texts in the store, written in the delivery's transaction; the call for "sf-3" waits on a gate, its
            // transaction begun first unless the outage is to come before it.
            ExtraServices = s => s.AddSingleton<IPostedTexts>(sp => new GatedPostedTexts("sf-3", ActivatorUtilities.CreateInstance<StoredPostedTexts>(sp),
                outage == Outage.StoppedBeforeTransaction ? null : () =>
                {
                    var transaction = sp.GetRequiredService<WsRmTransactionAccessor>().Current!;
                    backend = ((NpgsqlConnection)transaction.Connection).ProcessID;
                })),
        };
        var posted = (GatedPostedTexts)host.Services.GetRequiredService<IPostedTexts>();
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var session = await RmSession.CreateAsync(host.Wire, wire, "/durable/echo");
        (await session.PostAsync(1, "sf-1")).AssertOk();
        (await session.PostAsync(2, "sf-2")).AssertOk();
        // Message 3: the one-way Post, or the request-reply Record (which records the text and answers its count).
        Envelope Third() => requestReply
            ? Messages.Application(wire, session.To, Ns.Samples + "/IEchoService/Record", session.Id, 3, $"<Record xmlns=\"{Ns.Samples}\"><text>sf-3</text></Record>")
            : Messages.Post(wire, session.To, session.Id, 3, "sf-3");
        var third = session.SendAsync(Third());
        await posted.Blocked.Task.Within(TimeSpan.FromMinutes(1));
        if (!requestReply) (await third).AssertOk();

        if (outage == Outage.ConnectionTerminated)
            await PostgreSqlServer.ExecuteAsync(_cluster.ConnectionString("postgres"), $"SELECT pg_terminate_backend({backend})");
        else
            await _cluster.StopServerAsync();
        posted.Open(); // the service's insert fails: the connection under its transaction is gone, or cannot be opened
        // Not the service's failure: a request waiting for its reply is answered 503 (not a fault), the session stays.
        if (requestReply) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await third.Within()).Status);
        if (outage != Outage.ConnectionTerminated)
        {
            await Eventually.TrueAsync(async () => (await session.AckRequestedAsync()).Status == HttpStatusCode.ServiceUnavailable,
                "the store's failure answered with 503");
            await _cluster.StartServerAsync();
        }

        // Once the store answers, the server reads the session again by itself (the source has nothing to send: every
        // message acknowledged) and message 3 runs again; its clock moves only while a session waits for that.
        var manager = host.Services.GetRequiredService<WsRm.Server.Sequences.SequenceManager>();
        var store = host.Services.GetRequiredService<IWsRmStore>();
        string Seen() => $"recorded: {string.Join(", ", posted.StartingWith("sf-"))}; waiting to be read again: {manager.WaitingToResume}; in the store: "
            + string.Join(", ", store.ReadMessagesAsync(session.Id).GetAwaiter().GetResult().Select(m => $"{m.Number} {m.State}"));
        await host.UntilResumedAsync(() => posted.StartingWith("sf-").Length >= 3, "message 3 delivered again", TimeSpan.FromMinutes(1))
            .Within(TimeSpan.FromMinutes(2), Seen);
        Assert.Equal(["sf-1", "sf-2", "sf-3"], posted.StartingWith("sf-"));

        // The session goes on.
        Assert.Equal("1-4", (await session.PostAsync(4, "sf-4")).AckFor(session.Id).RangeText);
        await Eventually.TrueAsync(() => posted.StartingWith("sf-").Length >= 4, "message 4 delivered").Within(TimeSpan.FromMinutes(1), Seen);
        Assert.Equal(["sf-1", "sf-2", "sf-3", "sf-4"], posted.StartingWith("sf-"));
        if (requestReply) Assert.Contains("<RecordResult>1</RecordResult>", (await session.SendAsync(Third())).Text);
    }
}
