namespace WsRm.Samples.Tests;

/// <summary>
/// The sample host (src/WsRm.Host, as <c>dotnet run --project src/WsRm.Host</c> runs it) refuses settings it cannot
/// take at startup with one line naming the key and exit code 2.
/// </summary>
public sealed class HostStartupTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("--WsRm:MaxTransferWindowSzie", "4", "Configuration key 'WsRm:MaxTransferWindowSzie' is not a setting of WsRmServerOptions")]
    [InlineData("--WsRm:MaxTransferWindowSize", "eight", "Failed to convert configuration value 'eight' at 'WsRm:MaxTransferWindowSize' to type 'System.Int32'.")]
    [InlineData("--WsRm:InactivityTimeout", "-00:00:01", "WsRm:InactivityTimeout ('-00:00:01') must be positive.")]
    [InlineData("--WsRm:Endpoints:/ecoh:Ordered", "false", "Configuration key 'WsRm:Endpoints:/ecoh' names no mapped WS-RM or SOAP endpoint")]
    public async Task ASettingTheHostCannotTakeStopsItWithOneLineNamingTheKey(string key, string value, string message)
    {
        using var work = new Programs.ScratchDirectory("wsrm-startup-");
        var result = await ToolProcess.RunAsync(Repository.Program("src/WsRm.Host"),
            ["--urls", "http://127.0.0.1:0", "--WsRm:Storage:ConnectionString", $"Data Source={work.File("wsrm.db")}", key, value], Limit);

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains($"WsRm.Host: {message}", result.Output);
        Assert.DoesNotContain("Unhandled exception", result.Output);
    }
}
