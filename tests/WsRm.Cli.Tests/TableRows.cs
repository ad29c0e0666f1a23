using System.Text.RegularExpressions;

namespace WsRm.Cli.Tests;

/// <summary>Reads the text tables wsrm writes: columns are separated by two or more spaces.</summary>
internal static partial class TableRows
{
    /// <summary>The rows of the table in <paramref name="output"/> (header first), each split into its cells.</summary>
    public static List<string[]> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => Columns().Split(line)).ToList();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}
