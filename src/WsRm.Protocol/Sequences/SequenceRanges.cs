using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Sequences;

/// <summary>The set of received message numbers as ascending, disjoint, non-adjacent ranges.</summary>
public sealed class SequenceRanges
{
    private readonly List<AckRange> _ranges = [];

    /// <summary>The ranges, ascending.</summary>
    public IReadOnlyList<AckRange> Ranges => _ranges;

    /// <summary>The highest number in the set, or 0 when empty.</summary>
    public ulong Highest => _ranges.Count == 0 ? 0 : _ranges[^1].Upper;

    /// <summary>True when <paramref name="number"/> is in the set.</summary>
    public bool Contains(ulong number)
    {
        var i = IndexAtOrBefore(number);
        return i >= 0 && _ranges[i].Contains(number);
    }

    /// <summary>True when adding <paramref name="number"/> would need a new range (it touches no existing one).</summary>
    public bool NeedsNewRange(ulong number)
    {
        var i = IndexAtOrBefore(number);
        if (i >= 0 && (_ranges[i].Contains(number) || JoinsAfter(_ranges[i], number))) return false;
        return !(i + 1 < _ranges.Count && JoinsBefore(_ranges[i + 1], number));
    }

    /// <summary>Adds <paramref name="number"/>; false when it was already there.</summary>
    public bool Add(ulong number)
    {
        var i = IndexAtOrBefore(number);
        if (i >= 0 && _ranges[i].Contains(number)) return false;
        var joinsLeft = i >= 0 && JoinsAfter(_ranges[i], number);
        var joinsRight = i + 1 < _ranges.Count && JoinsBefore(_ranges[i + 1], number);
        if (joinsLeft && joinsRight)
        {
            _ranges[i] = new AckRange(_ranges[i].Lower, _ranges[i + 1].Upper);
            _ranges.RemoveAt(i + 1);
        }
        else if (joinsLeft) _ranges[i] = _ranges[i] with { Upper = number };
        else if (joinsRight) _ranges[i + 1] = _ranges[i + 1] with { Lower = number };
        else _ranges.Insert(i + 1, new AckRange(number, number));
        return true;
    }

    /// <summary>True when the set is exactly 1..<paramref name="last"/> (empty when last is 0).</summary>
    public bool IsExactly(ulong last) =>
        last == 0 ? _ranges.Count == 0 : _ranges.Count == 1 && _ranges[0].Lower == 1 && _ranges[0].Upper == last;

    /// <summary>Replaces the set with <paramref name="ranges"/> (ascending, disjoint and non-adjacent, as <see cref="Parse"/> gives them).</summary>
    internal void Load(IEnumerable<AckRange> ranges)
    {
        _ranges.Clear();
        _ranges.AddRange(ranges);
    }

    /// <summary>The ranges as text, <c>1-5,7-7</c>; empty for none. The stored form of a sequence's received numbers.</summary>
    public static string Format(IReadOnlyList<AckRange> ranges)
    {
        if (ranges.Count == 0) return "";
        var text = new System.Text.StringBuilder(ranges.Count * 8);
        foreach (var r in ranges)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(r.Lower.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('-')
                .Append(r.Upper.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads <see cref="Format"/>'s text back. Throws <see cref="FormatException"/> for anything else: ranges out of
    /// order, overlapping or touching, a zero, or a lower bound above its upper one.
    /// </summary>
    public static IReadOnlyList<AckRange> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<AckRange>();
        if (text.Length == 0) return ranges;
        foreach (var part in text.Split(','))
        {
            var dash = part.IndexOf('-');
            if (dash <= 0
                || !ulong.TryParse(part.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var lower)
                || !ulong.TryParse(part.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var upper)
                || lower == 0 || lower > upper || (ranges.Count > 0 && lower <= ranges[^1].Upper + 1))
                throw new FormatException($"'{text}' is not a list of ascending, separate ranges such as 1-5,7-7.");
            ranges.Add(new AckRange(lower, upper));
        }
        return ranges;
    }

    /// <summary>A copy of the ranges, for a message that outlives later changes.</summary>
    public AckRange[] Snapshot() => [.. _ranges];

    // Written so that ranges at 0 or ulong.MaxValue do not wrap around.
    private static bool JoinsAfter(AckRange range, ulong number) => range.Upper < ulong.MaxValue && range.Upper + 1 == number;

    private static bool JoinsBefore(AckRange range, ulong number) => range.Lower > 0 && range.Lower - 1 == number;

    // Index of the last range whose Lower <= number, or -1.
    private int IndexAtOrBefore(ulong number)
    {
        int lo = 0, hi = _ranges.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ranges[mid].Lower <= number) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
