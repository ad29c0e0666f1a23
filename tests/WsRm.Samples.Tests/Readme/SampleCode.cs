namespace WsRm.Samples.Tests.Readme;

/// <summary>
/// The C# files of the samples (<c>samples/**/*.cs</c>, not bin/ or obj/), and where a README block appears in them
/// word for word: the block's lines, in order, as consecutive lines of one file, every line shifted by the same
/// indentation (a method body shown without its method). Trailing white space is ignored, nothing else.
/// </summary>
public sealed class SampleCode
{
    private readonly IReadOnlyList<(string Path, string[] Lines)> _files;

    private SampleCode(IReadOnlyList<(string Path, string[] Lines)> files) => _files = files;

    /// <summary>The files read.</summary>
    public IEnumerable<string> Files => _files.Select(f => f.Path);

    /// <summary>Reads every C# file under <paramref name="samplesDirectories"/>.</summary>
    public static SampleCode Read(params string[] samplesDirectories)
    {
        var files = samplesDirectories.SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToArray()))
            .ToList();
        return new SampleCode(files);
    }

    /// <summary>Same as <see cref="Read"/>, for files given as (path, text): the tests of this matcher.</summary>
    public static SampleCode Of(params (string Path, string Text)[] files) =>
        new([.. files.Select(f => (f.Path, f.Text.Split('\n').Select(l => l.TrimEnd()).ToArray()))]);

    /// <summary>The file and 1-based line where <paramref name="block"/> appears, or null.</summary>
    public (string Path, int Line)? Find(IReadOnlyList<string> block)
    {
        var lines = block.Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToArray();
        if (lines.Length == 0) return null;
        var indent = lines.Where(l => l.Length > 0).Min(Indentation);
        lines = [.. lines.Select(l => l.Length == 0 ? l : l[indent..])];
        foreach (var (path, file) in _files)
        {
            for (var start = 0; start + lines.Length <= file.Length; start++)
            {
                var offset = Indentation(file[start]);
                if (file[start].Length == 0 || file[start][offset..] != lines[0].TrimStart()) continue;
                var shift = offset - Indentation(lines[0]);
                if (shift < 0) continue;
                var pad = new string(' ', shift);
                if (Enumerable.Range(0, lines.Length).All(k => lines[k].Length == 0 ? file[start + k].Length == 0 : file[start + k] == pad + lines[k]))
                    return (path, start + 1);
            }
        }
        return null;
    }

    private static int Indentation(string line) => line.Length - line.TrimStart().Length;
}
