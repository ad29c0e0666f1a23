namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>Asserts that what a store recorded is exactly what was sent: each expected text once, nothing else.</summary>
public static class ExactlyOnce
{
    /// <summary>Fails naming the missing, the repeated and the unexpected texts (the first few of each).</summary>
    public static void Assert(IEnumerable<string> expected, IReadOnlyDictionary<string, int> recorded, Func<string> context)
    {
        var wanted = expected.ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(t => !recorded.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        var twice = recorded.Where(r => r.Value > 1).Select(r => $"{r.Key} x{r.Value}").Order(StringComparer.Ordinal).ToList();
        var unexpected = recorded.Keys.Where(t => !wanted.Contains(t)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count + twice.Count + unexpected.Count == 0) return;
        Xunit.Assert.Fail($"Of {wanted.Count} texts, {missing.Count} lost ({First(missing)}), {twice.Count} recorded more than once ({First(twice)}), "
            + $"{unexpected.Count} unexpected ({First(unexpected)}).{Environment.NewLine}{context()}");
    }

    private static string First(List<string> items) => string.Join(", ", items.Take(5)) + (items.Count > 5 ? ", …" : "");
}
