using WsRm.Client;
using WsRm.Samples.Contracts;
using WsRm.Storage.Sqlite;

namespace WsRm.Samples.Client;

/// <summary>One-way posts through the queued client: committed to outbox.db, delivered whenever the service is up.</summary>
public static class QueuedPosts
{
    public static async Task SendAsync(Uri address)
    {
        await using var store = new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = "Data Source=outbox.db" });
        await using var factory = new WsRmQueuedChannelFactory<IEchoPosts>(new WsRmQueuedClientOptions
        {
            Address = address,
            TimeToLive = TimeSpan.FromHours(4),        // default 1 day
            ExactlyOnce = true,                        // the default
        }, store);                                     // the forwarder starts here
        factory.CreateChannel().Post("hello");         // returns once committed to outbox.db, the service up or not
        await factory.Forwarder.WaitForEmptyAsync();   // optional: until every message is acknowledged or dead-lettered
        Console.WriteLine("queue empty");
    }
}
