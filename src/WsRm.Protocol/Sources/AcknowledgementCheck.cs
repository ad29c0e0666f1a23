using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Sources;

/// <summary>
/// Classifies a <c>wsrm:SequenceAcknowledgement</c> against what the source sent and already knows acknowledged
/// (WS-RM 1.1 §2.3 invariants, §3.9 and §4.4; 1.0 §3.2):
/// <list type="bullet">
/// <item>Invalid: ranges mixed with Nack or None, Nack with None, a zero, a reversed range, ranges out of order or
/// overlapping, a number above the highest assigned; or a retraction: an acknowledgement that adds numbers yet drops
/// some acknowledged before.</item>
/// <item>Stale: an acknowledgement of a strict subset of what is known. Destination snapshots only grow, so any two
/// are ordered by inclusion; a subset is an older snapshot overtaken on another HTTP request, not a retraction.
/// None, and a Nack of a number known acknowledged, are stale for the same reason.</item>
/// <item>Current: everything else.</item>
/// </list>
/// A source that resumed a sequence numbered by an earlier object (<c>SourceSequence.Resume</c>) never saw the fate of
/// the numbers up to the resumed one other than those it restored: it does not know them acknowledged, so they are left
/// out when deciding that an acknowledgement is older than what is known (an older snapshot that omits numbers this
/// source saw acknowledged is stale, whatever it says of numbers settled before it).
/// </summary>
internal static class AcknowledgementCheck
{
    /// <summary>
    /// The verdict; on success <paramref name="ranges"/> holds the ranges with adjacent ones merged. Numbers
    /// 1..<paramref name="untrackedUpTo"/> not in <paramref name="restored"/> were settled before this source took the
    /// sequence over (0: none) and do not count when comparing with <paramref name="known"/>.
    /// </summary>
    public static AcknowledgementVerdict Classify(SequenceAcknowledgement ack, ulong highestAssigned, SequenceRanges known,
        out IReadOnlyList<AckRange> ranges, out string? problem, ulong untrackedUpTo = 0, SequenceRanges? restored = null)
    {
        ranges = [];
        problem = Structure(ack, highestAssigned);
        if (problem is not null) return AcknowledgementVerdict.Invalid;
        if (ack.Nacks.Count > 0)
        {
            // A Nack says only that those numbers are missing; it contradicts the known set only by naming one of them.
            foreach (var nack in ack.Nacks)
                if (known.Contains(nack)) return AcknowledgementVerdict.Stale;
            return AcknowledgementVerdict.Current;
        }
        var merged = Merge(ack.Ranges);
        ranges = merged;
        if (IsSubset(known.Ranges, merged)) return AcknowledgementVerdict.Current;
        if (IsSubset(Tracked(merged, untrackedUpTo, restored), known.Ranges)) return AcknowledgementVerdict.Stale;
        problem = "it acknowledges new messages but no longer acknowledges some acknowledged before.";
        return AcknowledgementVerdict.Invalid;
    }

    /// <summary>True when <paramref name="ranges"/> (valid, merged) are exactly 1..<paramref name="last"/>.</summary>
    public static bool IsExactly(IReadOnlyList<AckRange> ranges, ulong last) =>
        last == 0 ? ranges.Count == 0 : ranges.Count == 1 && ranges[0] == new AckRange(1, last);

    private static string? Structure(SequenceAcknowledgement ack, ulong highest)
    {
        if (ack.Ranges.Count > 0 && (ack.Nacks.Count > 0 || ack.None)) return "it mixes AcknowledgementRange with Nack or None.";
        if (ack.Nacks.Count > 0 && ack.None) return "it mixes Nack with None.";
        ulong previousUpper = 0;
        foreach (var range in ack.Ranges)
        {
            if (range.Lower == 0 || range.Lower > range.Upper) return $"the range {range} is not valid.";
            if (range.Upper > highest) return $"the range {range} goes past the highest message number sent, {highest}.";
            if (previousUpper != 0 && range.Lower <= previousUpper) return $"the range {range} is out of order or overlaps the one before.";
            previousUpper = range.Upper;
        }
        foreach (var nack in ack.Nacks)
            if (nack == 0 || nack > highest) return $"Nack {nack} is not a message number sent (1..{highest}).";
        return null;
    }

    // Joins ranges that touch (3-4 and 5-9 become 3-9), so that containment is one range inside another.
    private static List<AckRange> Merge(IReadOnlyList<AckRange> ranges)
    {
        var merged = new List<AckRange>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && merged[^1].Upper + 1 == range.Lower) merged[^1] = merged[^1] with { Upper = range.Upper };
            else merged.Add(range);
        }
        return merged;
    }

    // The parts of ranges this source tracks: numbers above untrackedUpTo, and restored ones; ascending, possibly adjacent.
    private static IReadOnlyList<AckRange> Tracked(List<AckRange> ranges, ulong untrackedUpTo, SequenceRanges? restored)
    {
        if (untrackedUpTo == 0) return ranges;
        var tracked = new List<AckRange>(ranges.Count);
        foreach (var range in ranges)
        {
            if (range.Lower <= untrackedUpTo && restored is not null)
            {
                var upper = Math.Min(range.Upper, untrackedUpTo);
                foreach (var r in restored.Ranges)
                {
                    if (r.Upper < range.Lower) continue;
                    if (r.Lower > upper) break;
                    tracked.Add(new AckRange(Math.Max(r.Lower, range.Lower), Math.Min(r.Upper, upper)));
                }
            }
            if (range.Upper > untrackedUpTo) tracked.Add(new AckRange(Math.Max(range.Lower, untrackedUpTo + 1), range.Upper));
        }
        return tracked;
    }

    // True when every range of inner lies inside one range of outer; both ascending, disjoint and non-adjacent.
    private static bool IsSubset(IReadOnlyList<AckRange> inner, IReadOnlyList<AckRange> outer)
    {
        var o = 0;
        foreach (var range in inner)
        {
            while (o < outer.Count && outer[o].Upper < range.Lower) o++;
            if (o == outer.Count || outer[o].Lower > range.Lower || outer[o].Upper < range.Upper) return false;
        }
        return true;
    }
}
