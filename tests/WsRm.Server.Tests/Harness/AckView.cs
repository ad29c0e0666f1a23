using System.Globalization;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>A wsrm:SequenceAcknowledgement as received.</summary>
internal sealed record AckView(string Identifier, IReadOnlyList<(ulong Lower, ulong Upper)> Ranges, IReadOnlyList<ulong> Nacks,
    bool None, bool Final, int? BufferRemaining, XElement Element)
{
    public static AckView Read(XElement e)
    {
        var ns = e.Name.Namespace;
        var ranges = e.Elements(ns + "AcknowledgementRange")
            .Select(r => (ulong.Parse((string)r.Attribute("Lower")!, CultureInfo.InvariantCulture), ulong.Parse((string)r.Attribute("Upper")!, CultureInfo.InvariantCulture)))
            .Where(r => r != (0UL, 0UL)) // WS-RM 1.0 has no None: "nothing received" is written as the range 0-0 (WCF's convention)
            .ToList();
        var nacks = e.Elements(ns + "Nack").Select(n => ulong.Parse(n.Value.Trim(), CultureInfo.InvariantCulture)).ToList();
        var buffer = e.Element(XName.Get("BufferRemaining", Ns.NetRm));
        return new AckView(e.Element(ns + "Identifier")!.Value.Trim(), ranges, nacks, e.Element(ns + "None") is not null,
            e.Element(ns + "Final") is not null, buffer is null ? null : int.Parse(buffer.Value.Trim(), CultureInfo.InvariantCulture), e);
    }

    /// <summary>The ranges as "1-3,5-5", for readable assertions.</summary>
    public string RangeText => string.Join(",", Ranges.Select(r => $"{r.Lower}-{r.Upper}"));
}
