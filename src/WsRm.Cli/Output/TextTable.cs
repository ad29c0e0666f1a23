namespace WsRm.Cli.Output;

/// <summary>
/// A plain-text table: a header row, then one line per row, columns left-aligned and two spaces apart. Line breaks in
/// cells become spaces and long cells are cut to <see cref="MaxCellWidth"/> characters, so each message is one line.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Longest cell written, in characters (default 60); longer ones end with "...".</summary>
    public int MaxCellWidth { get; init; } = 60;

    /// <summary>Adds a row; null cells are written as "-".</summary>
    public void Add(params string?[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"A row has {headers.Length} cells.", nameof(cells));
        _rows.Add(Array.ConvertAll(cells, Clean));
    }

    /// <summary>Writes the header and the rows.</summary>
    public void Write(TextWriter writer)
    {
        var widths = new int[headers.Length];
        for (var i = 0; i < headers.Length; i++)
            widths[i] = _rows.Select(r => r[i].Length).Append(headers[i].Length).Max();
        WriteLine(writer, headers, widths);
        foreach (var row in _rows) WriteLine(writer, row, widths);
    }

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths)
    {
        // The last column is not padded: no trailing spaces.
        var line = string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i])));
        writer.WriteLine(line);
    }

    private string Clean(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "-";
        var flat = string.Join(' ', cell.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= MaxCellWidth ? flat : string.Concat(flat.AsSpan(0, MaxCellWidth - 3), "...");
    }
}
