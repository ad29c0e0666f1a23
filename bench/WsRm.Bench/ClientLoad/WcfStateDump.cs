using System.Collections;
using System.Reflection;
using System.Text;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// Diagnostics only (WSRM_BENCH_WIRE): finds the WCF client's TransmissionStrategy under a channel by reflection and
/// describes its window, wait queue and counters, to see why a stalled WCF sender does not send.
/// </summary>
internal static class WcfStateDump
{
    public static string Describe(object root)
    {
        try
        {
            return Find(root);
        }
        catch (InvalidOperationException e)
        {
            // WCF changed a collection while it was read (no lock taken here): the next tick reads it again.
            return $"(not read: {e.Message})";
        }
    }

    private static string Find(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<(object O, int Depth)>();
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (o, depth) = queue.Dequeue();
            if (!seen.Add(o)) continue;
            var type = o.GetType();
            if (type.Name == "TransmissionStrategy") return Fields(o, 1);
            if (depth > 10 || type.IsPrimitive || o is string || o is Delegate || type.Namespace?.StartsWith("System.Net", StringComparison.Ordinal) == true) continue;
            for (var t = type; t is not null; t = t.BaseType)
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    if (!f.FieldType.IsValueType && f.GetValue(o) is { } v) queue.Enqueue((v, depth + 1));
        }
        return "(no TransmissionStrategy found)";
    }

    private static string Fields(object o, int depth)
    {
        var b = new StringBuilder(o.GetType().Name).Append(" {");
        for (var t = o.GetType(); t is not null && t != typeof(object); t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                var v = f.GetValue(o);
                b.Append(' ').Append(f.Name).Append('=');
                if (v is null) b.Append("null");
                else if (v is ICollection c && v is not string) b.Append($"{v.GetType().Name}[{c.Count}]").Append(depth > 0 && c.Count < 20 ? "(" + string.Join(",", c.Cast<object>().Select(x => x?.ToString())) + ")" : "");
                else if (f.FieldType.IsPrimitive || v is string || v is Enum) b.Append(v);
                else if (depth > 0 && v.GetType().Name is "TransmissionWindow" or "SlidingWindow" || v.GetType().Name.Contains("Window", StringComparison.Ordinal)) b.Append(Fields(v, depth - 1));
                else b.Append(v.GetType().Name);
            }
        return b.Append(" }").ToString();
    }
}
