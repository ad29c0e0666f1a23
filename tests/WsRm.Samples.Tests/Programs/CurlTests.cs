using System.Diagnostics;
using WsRm.Samples.Tests.Programs;
using WsRm.Samples.Tests.Readme;

namespace WsRm.Samples.Tests;

/// <summary>
/// The README's raw curl calls of <c>/plain/echo</c>, run as shown (the port aside) against the sample host
/// (src/WsRm.Host, as <c>dotnet run --project src/WsRm.Host</c> runs it): each answer is the XML block after it.
/// </summary>
public sealed class CurlTests
{
    private static readonly TimeSpan CurlTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheReadmesCurlCallsGetTheAnswersTheReadmeShows()
    {
        var blocks = FencedBlock.Parse(File.ReadAllText(Repository.File("README.md")));
        var calls = blocks.Select((b, i) => (Block: b, Index: i))
            .Where(x => x.Block.Language == "bash" && x.Block.Text.Contains("curl", StringComparison.Ordinal) && x.Block.Text.Contains("/plain/echo", StringComparison.Ordinal))
            .ToList();
        Assert.True(calls.Count >= 2, "README.md shows a SOAP 1.1 and a SOAP 1.2 curl call of /plain/echo");

        using var work = new ScratchDirectory("wsrm-curl-");
        await using var host = HostProcess.Start(Repository.Program("src/WsRm.Host"), ["--WsRm:Storage:ConnectionString", $"Data Source={work.File("wsrm.db")}"]);
        await host.WaitUntilAnsweringAsync(SampleServer.StartTimeout);

        foreach (var (call, index) in calls)
        {
            var answer = blocks.ElementAtOrDefault(index + 1);
            Assert.True(answer is { Language: "xml" }, $"README.md line {call.Line}: the curl call is not followed by an xml block with its answer");
            var command = call.Text.Replace("127.0.0.1:5080", $"127.0.0.1:{host.Port}", StringComparison.Ordinal);
            var output = await BashAsync(command);
            Assert.Equal(answer.Text.Trim(), output.Trim());
        }
    }

    private static async Task<string> BashAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(CurlTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Assert.True(process.ExitCode == 0, $"{command}{Environment.NewLine}exit {process.ExitCode}: {await error.WaitAsync(CurlTimeout)}");
        return await output.WaitAsync(CurlTimeout);
    }
}
