using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Server.Storage;

namespace WsRm.Server.Tests.Storage;

public sealed class InMemorySequenceStoreTests
{
    private static SequenceRecord Record(string id, string client = "127.0.0.1", string? replyId = null) => new(
        new DestinationSequence(id, RmVersion.Rm11, ordered: true, new DestinationSequenceLimits(), DateTimeOffset.UnixEpoch),
        replyId is null ? null : new ReplySequence(replyId, 16),
        "/echo", client, SoapVersion.Soap12, AddressingVersion.WsAddressing10, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Adds_finds_and_removes_by_id_and_reply_id()
    {
        var store = new InMemorySequenceStore();
        var record = Record("urn:a", replyId: "urn:offer-a");

        Assert.True(store.TryAdd(record));
        Assert.Same(record, store.Find("urn:a"));
        Assert.Same(record, store.FindByReplyId("urn:offer-a"));
        Assert.Equal(1, store.Count);

        Assert.True(store.Remove("urn:a"));
        Assert.Null(store.Find("urn:a"));
        Assert.Null(store.FindByReplyId("urn:offer-a"));
        Assert.False(store.Remove("urn:a"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Refuses_a_taken_id_or_offered_id()
    {
        var store = new InMemorySequenceStore();
        Assert.True(store.TryAdd(Record("urn:a", replyId: "urn:offer")));

        Assert.False(store.TryAdd(Record("urn:a")));
        Assert.False(store.TryAdd(Record("urn:b", replyId: "urn:offer")));
        Assert.False(store.TryAdd(Record("urn:c", replyId: "urn:a")));
        Assert.Null(store.Find("urn:b"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Counts_sequences_per_client()
    {
        var store = new InMemorySequenceStore();
        store.TryAdd(Record("urn:1", "10.0.0.1"));
        store.TryAdd(Record("urn:2", "10.0.0.1"));
        store.TryAdd(Record("urn:3", "10.0.0.2"));

        Assert.Equal(2, store.CountForClient("10.0.0.1"));
        Assert.Equal(1, store.CountForClient("10.0.0.2"));
        store.Remove("urn:1");
        store.Remove("urn:2");
        Assert.Equal(0, store.CountForClient("10.0.0.1"));
        Assert.Equal("urn:3", Assert.Single(store.Snapshot()).Id);
    }
}
