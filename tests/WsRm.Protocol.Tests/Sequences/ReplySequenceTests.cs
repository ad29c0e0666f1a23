using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Tests.Sequences;

public class ReplySequenceTests
{
    private static ReplySequence WithReplies(int count, int capacity = 16)
    {
        var replies = new ReplySequence("urn:uuid:reply", capacity);
        for (var request = 1; request <= count; request++)
            replies.Add((ulong)request, "urn:echoResponse", w => w.WriteElementString("r", "urn:r", request.ToString()), null);
        return replies;
    }

    private static SequenceAcknowledgement Ack(params AckRange[] ranges) => new() { Identifier = "urn:uuid:reply", Ranges = ranges };

    [Fact]
    public void Add_NumbersRepliesFromOne()
    {
        var replies = new ReplySequence("urn:uuid:reply", 8);
        var fault = new SoapFault(FaultCodeKind.Receiver, null, "boom");

        var first = replies.Add(10, "urn:a", null, null);
        var second = replies.Add(11, null, null, fault, lastMessage: true);

        Assert.Equal(new CachedReply(1, "urn:a", null, null, false), first);
        Assert.Equal(new CachedReply(2, null, null, fault, true), second);
        Assert.Equal((2UL, 2, "urn:uuid:reply"), (replies.LastNumber, replies.Count, replies.Id));
    }

    [Fact]
    public void TryGet_FindsTheReplyOfARetransmittedRequest()
    {
        var replies = WithReplies(3);

        Assert.True(replies.TryGet(2, out var reply));
        Assert.Equal(2UL, reply.ReplyNumber);
        Assert.NotNull(reply.WriteBody);
        Assert.False(replies.TryGet(4, out _));
    }

    [Fact]
    public void Add_PastCapacity_ForgetsTheOldestRequest()
    {
        var replies = WithReplies(5, capacity: 3);

        Assert.Equal(3, replies.Count);
        Assert.False(replies.TryGet(1, out _));
        Assert.False(replies.TryGet(2, out _));
        Assert.True(replies.TryGet(3, out var kept));
        Assert.Equal(3UL, kept.ReplyNumber);
        Assert.Equal(5UL, replies.LastNumber);
    }

    [Fact]
    public void Acknowledge_ForgetsAcknowledgedReplies()
    {
        var replies = WithReplies(4);

        Assert.Null(replies.Acknowledge(Ack(new(1, 2), new(4, 4))));

        Assert.Equal(1, replies.Count);
        Assert.True(replies.TryGet(3, out _));
        Assert.False(replies.TryGet(1, out _));
        Assert.False(replies.TryGet(4, out _));
    }

    [Fact]
    public void Acknowledge_IsCumulative_ALaterAckMayRepeatEarlierRanges()
    {
        var replies = WithReplies(3);
        replies.Acknowledge(Ack(new AckRange(1, 1)));

        Assert.Null(replies.Acknowledge(Ack(new AckRange(1, 3))));

        Assert.Equal(0, replies.Count);
    }

    [Fact]
    public void Acknowledge_AdjacentRanges_AreValid()
    {
        Assert.Null(WithReplies(4).Acknowledge(Ack(new(1, 2), new(3, 4))));
    }

    [Fact]
    public void Acknowledge_NoneOrNacks_AreValidAndForgetNothing()
    {
        var replies = WithReplies(3);

        Assert.Null(replies.Acknowledge(new SequenceAcknowledgement { Identifier = "urn:uuid:reply", None = true }));
        Assert.Null(replies.Acknowledge(new SequenceAcknowledgement { Identifier = "urn:uuid:reply", Nacks = [1, 3] }));

        Assert.Equal(3, replies.Count);
    }

    [Fact]
    public void Acknowledge_NoneBeforeAnyReply_IsValid()
    {
        Assert.Null(new ReplySequence("urn:r", 4).Acknowledge(new SequenceAcknowledgement { Identifier = "urn:r", None = true }));
    }

    public static TheoryData<string, SequenceAcknowledgement> InvalidAcks => new()
    {
        { "beyond LastNumber", new() { Identifier = "urn:uuid:reply", Ranges = [new(1, 4)] } },
        { "beyond LastNumber in a later range", new() { Identifier = "urn:uuid:reply", Ranges = [new(1, 1), new(5, 5)] } },
        { "Lower 0", new() { Identifier = "urn:uuid:reply", Ranges = [new(0, 2)] } },
        { "range 0-0", new() { Identifier = "urn:uuid:reply", Ranges = [new(0, 0)] } },
        { "Lower above Upper", new() { Identifier = "urn:uuid:reply", Ranges = [new(3, 2)] } },
        { "overlapping", new() { Identifier = "urn:uuid:reply", Ranges = [new(1, 2), new(2, 3)] } },
        { "descending", new() { Identifier = "urn:uuid:reply", Ranges = [new(3, 3), new(1, 1)] } },
        { "ranges and nacks", new() { Identifier = "urn:uuid:reply", Ranges = [new(1, 1)], Nacks = [2] } },
        { "ranges and none", new() { Identifier = "urn:uuid:reply", Ranges = [new(1, 1)], None = true } },
        { "nacks and none", new() { Identifier = "urn:uuid:reply", Nacks = [2], None = true } },
        { "nack 0", new() { Identifier = "urn:uuid:reply", Nacks = [0] } },
        { "nack beyond LastNumber", new() { Identifier = "urn:uuid:reply", Nacks = [4] } },
    };

    [Theory]
    [MemberData(nameof(InvalidAcks))]
    public void Acknowledge_Invalid_IsInvalidAcknowledgement_AndForgetsNothing(string because, SequenceAcknowledgement ack)
    {
        var replies = WithReplies(3);

        var fault = replies.Acknowledge(ack);

        Assert.True(fault is not null, because);
        Assert.Same(ack, fault.Acknowledgement);
        Assert.Equal("urn:uuid:reply", fault.Identifier);
        Assert.Equal(3, replies.Count);
    }
}
