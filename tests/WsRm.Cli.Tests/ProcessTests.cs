using System.Diagnostics;

namespace WsRm.Cli.Tests;

/// <summary>
/// The built tool as a real process (<c>dotnet WsRm.Cli.dll ...</c>, the build output this project references): it
/// starts, finds the default database <c>wsrm.db</c> in its working directory, reads standard input, and exits with
/// its codes.
/// </summary>
public sealed class ProcessTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"wsrm-cli-process-{Guid.NewGuid():N}");
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = await TestStore.CreateAsync();
        await _store.AddOutboxAsync("q1", dead: 2);
        await _store.AddMessagesAsync("/orders", "urn:uuid:s1", 1, MessageState.Parked);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // closes the file (checkpoints the log) before it is copied
        File.Copy(_store.File, Path.Combine(_directory, "wsrm.db"));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_built_tool_starts_and_lists_the_queues_of_the_database_in_its_working_directory()
    {
        var (exitCode, output, error) = await RunAsync(_directory, "", "queues");

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Equal(["poison", "/orders", "1"], TableRows.Parse(output)[1][..3]);
        Assert.Equal(["dead-letter", "q1", "2"], TableRows.Parse(output)[2][..3]);
    }

    [Fact]
    public async Task The_built_tool_reads_its_confirmation_from_standard_input_and_exits_with_its_codes()
    {
        var declined = await RunAsync(_directory, "n\n", "deadletter", "purge", "--all");
        Assert.Equal(1, declined.ExitCode);
        Assert.StartsWith("Purge 2 dead letters of every transmission queue? [y/N]", declined.Error);

        var purged = await RunAsync(_directory, "y\n", "deadletter", "purge", "--all");
        Assert.Equal((0, "Purged 2 dead letters."), (purged.ExitCode, purged.Output.Trim()));

        var empty = Path.Combine(_directory, "empty");
        Directory.CreateDirectory(empty);
        var missing = await RunAsync(empty, "", "queues");
        Assert.Equal(3, missing.ExitCode);
        Assert.False(File.Exists(Path.Combine(empty, "wsrm.db")));
    }

    [Fact]
    public async Task A_database_the_host_never_set_up_is_an_error_and_stays_as_it_was()
    {
        var blank = Path.Combine(_directory, "blank");
        Directory.CreateDirectory(blank);
        File.WriteAllBytes(Path.Combine(blank, "wsrm.db"), []);

        var (exitCode, _, error) = await RunAsync(blank, "", "queues");

        Assert.Equal(3, exitCode);
        Assert.Contains("MigrateSchema", error);
        Assert.Equal(0, new FileInfo(Path.Combine(blank, "wsrm.db")).Length);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string input, params string[] args)
    {
        var start = new ProcessStartInfo(DotNet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WsRm.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Only the working directory's default database: nothing inherited from the machine running the tests.
        foreach (var name in new[] { "WSRM_STORAGE_PROVIDER", "WSRM_STORAGE_CONNECTIONSTRING", "WsRm__Storage__Provider", "WsRm__Storage__ConnectionString" })
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // Wall-clock bounds around a real process (start-up and JIT on a loaded machine): generous.
            var bound = TimeSpan.FromSeconds(120);
            await process.StandardInput.WriteAsync(input).WaitAsync(bound);
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(bound);
            return (process.ExitCode, await output.WaitAsync(bound), await error.WaitAsync(bound));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    // The dotnet host running the tests (testhost runs under it), else the one on the PATH.
    private static string DotNet =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
