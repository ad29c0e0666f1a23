using WsRm.Samples.Tests.Readme;

namespace WsRm.Samples.Tests;

/// <summary>
/// The README's C# blocks compile as pasted because each is code of a sample the solution builds: a block that is not
/// found, word for word, in a file under samples/ or in the sample host (src/WsRm.Host, the runnable sample whose
/// operations wiring the README shows) fails here with its line. To add a snippet, add it to a sample (or a new one
/// under samples/, in WsRm.sln) and paste it from there.
/// </summary>
public sealed class ReadmeCodeTests
{
    private static readonly Lazy<SampleCode> Samples = new(() => SampleCode.Read(Repository.File("samples"), Repository.File("src/WsRm.Host")));

    [Theory]
    [InlineData("README.md")]
    [InlineData("packaging/README.md")]
    public void EveryCSharpBlockIsCodeOfASample(string markdown)
    {
        var blocks = FencedBlock.Parse(File.ReadAllText(Repository.File(markdown))).Where(b => b.Language is "csharp" or "cs" or "c#").ToList();
        var missing = blocks.Where(b => Samples.Value.Find(b.Lines) is null)
            .Select(b => $"{markdown} line {b.Line}: {b.Lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim()}")
            .ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} of {blocks.Count} C# blocks are not code of any sample under samples/ or src/WsRm.Host (word for word):{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Fact]
    public void TheReadmeShowsTheSnippetsOfEverySection()
    {
        var blocks = FencedBlock.Parse(File.ReadAllText(Repository.File("README.md"))).Where(b => b.Language == "csharp").ToList();

        // Host a service, WCF, WsRm.Client, proxies, store, durable, exactly once, queue (2), queued client (2),
        // forwarded headers: the check above is only worth something while it has the blocks to check.
        Assert.True(blocks.Count >= 14, $"only {blocks.Count} csharp blocks found in README.md");
        Assert.Contains(blocks, b => b.Text.Contains("new ChannelFactory<IEchoService>(binding", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Text.Contains("new WsRmChannelFactory<IEchoService>(", StringComparison.Ordinal));
    }

    [Fact]
    public void ABlockIsFoundOnlyWordForWord()
    {
        var code = SampleCode.Of(("Sample.cs", "public static class S\n{\n    public static void M()\n    {\n        var a = 1;\n\n        Use(a);   // why\n    }\n}\n"));

        Assert.Equal(("Sample.cs", 5), code.Find(["var a = 1;", "", "Use(a);   // why"]));            // a method body, dedented
        Assert.Equal(("Sample.cs", 3), code.Find(["    public static void M()", "    {"]));           // any common indentation
        Assert.Null(code.Find(["var a = 2;", "", "Use(a);   // why"]));                                // one character
        Assert.Null(code.Find(["var a = 1;", "Use(a);   // why"]));                                    // a line left out
        Assert.Null(code.Find(["var a = 1;", "", "    Use(a);   // why"]));                            // indented differently
        Assert.Null(code.Find(["var a = 1;", "", "Use(a);"]));                                         // a comment left out
    }

    [Fact]
    public void FencedBlocksInListItemsLoseTheItemsIndentation()
    {
        var blocks = FencedBlock.Parse("- item:\n  ```csharp\n  app.Run();\n      nested();\n  ```\n\n```bash\nls\n```\n");

        Assert.Equal(2, blocks.Count);
        Assert.Equal(("csharp", 2), (blocks[0].Language, blocks[0].Line));
        Assert.Equal(["app.Run();", "    nested();"], blocks[0].Lines);
        Assert.Equal(("bash", 7), (blocks[1].Language, blocks[1].Line));
    }
}
