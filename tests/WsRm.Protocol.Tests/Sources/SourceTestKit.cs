using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;

namespace WsRm.Protocol.Tests.Sources;

/// <summary>Shared builders for the source-side tests.</summary>
internal static class SourceTestKit
{
    public const string Id = "urn:uuid:source";
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Ms(double milliseconds) => T0.AddMilliseconds(milliseconds);

    public static SourceSequence Active(SourceSequenceSettings? settings = null, RmVersion? rm = null)
    {
        var s = new SourceSequence(rm ?? RmVersion.Rm11, settings ?? new SourceSequenceSettings(), T0);
        s.OnCreated(Id, null, T0);
        return s;
    }

    /// <summary>Assigns and sends <paramref name="count"/> messages at <paramref name="at"/>; their payloads are "m{n}".</summary>
    public static void SendMany(SourceSequence s, int count, DateTimeOffset at)
    {
        for (var i = 0; i < count; i++)
        {
            var result = s.TryAssign("m" + (s.HighestAssigned + 1), at);
            Assert.True(result.IsAssigned, $"assignment {i + 1} refused: {result.Outcome}");
            Assert.True(s.OnSent(result.Number, at));
        }
    }

    public static SequenceAcknowledgement Ack(params AckRange[] ranges) => new() { Identifier = Id, Ranges = ranges };

    public static SequenceAcknowledgement Ack(ulong lower, ulong upper) => Ack(new AckRange(lower, upper));

    public static ulong[] Numbers(AcknowledgementResult result) => [.. result.NewlyAcknowledged.Select(m => m.Number)];
}
