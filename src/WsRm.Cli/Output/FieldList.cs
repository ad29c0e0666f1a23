using System.Collections;

namespace WsRm.Cli.Output;

/// <summary>Labelled values written one a line, the values aligned: <c>  Endpoint:    /orders</c>. Null values are left out.</summary>
internal sealed class FieldList : IEnumerable<(string Label, string? Value)>
{
    private readonly List<(string Label, string? Value)> _fields = [];

    /// <summary>Adds a field (collection initializer).</summary>
    public void Add(string label, string? value) => _fields.Add((label, value));

    /// <summary>Writes the fields that have a value, indented by two spaces.</summary>
    public void Write(TextWriter output)
    {
        var shown = _fields.Where(f => f.Value is not null).ToList();
        if (shown.Count == 0) return;
        var width = shown.Max(f => f.Label.Length) + 1;
        foreach (var (label, value) in shown)
            output.WriteLine($"  {(label + ":").PadRight(width)}  {value}");
    }

    /// <inheritdoc />
    public IEnumerator<(string Label, string? Value)> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
