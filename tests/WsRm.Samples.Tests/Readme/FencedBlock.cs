namespace WsRm.Samples.Tests.Readme;

/// <summary>
/// A fenced code block of a Markdown file: its info string (<c>csharp</c>, <c>bash</c>, …), the 1-based line of its
/// opening fence, and its lines without the fence's own indentation (a block inside a list item is indented with it).
/// </summary>
public sealed record FencedBlock(string Language, int Line, IReadOnlyList<string> Lines)
{
    /// <summary>The block's text, lines joined with \n.</summary>
    public string Text => string.Join('\n', Lines);

    /// <summary>Every fenced block of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<FencedBlock> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal)) continue;
            var indent = lines[i].Length - trimmed.Length;
            var language = trimmed[3..].Trim();
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length && lines[j].Trim() != "```"; j++)
                body.Add(lines[j].Length >= indent && string.IsNullOrWhiteSpace(lines[j][..indent]) ? lines[j][indent..] : lines[j].TrimStart());
            if (j == lines.Length) throw new FormatException($"The code block opened at line {i + 1} is never closed.");
            blocks.Add(new FencedBlock(language, i + 1, body));
            i = j;
        }
        return blocks;
    }
}
