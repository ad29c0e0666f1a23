using Microsoft.Extensions.Time.Testing;

namespace WsRm.Cli.Tests;

/// <summary>
/// Runs <c>wsrm</c> in-process as the process would (<see cref="WsRmCommandLine.RunAsync"/>), with captured standard
/// output and error, a given standard input, environment variables of its own and a fake clock.
/// </summary>
internal sealed class CliRunner
{
    /// <summary>The clock the commands see: T0 + 1 hour unless moved.</summary>
    public FakeTimeProvider Time { get; } = new(TestStore.T0.AddHours(1));

    /// <summary>The environment the commands see (nothing of the test process's own).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>A runner whose store is <paramref name="store"/> through <c>WSRM_STORAGE_CONNECTIONSTRING</c>.</summary>
    public static CliRunner For(TestStore store)
    {
        var runner = new CliRunner();
        runner.Environment["WSRM_STORAGE_PROVIDER"] = store.Provider;
        runner.Environment["WSRM_STORAGE_CONNECTIONSTRING"] = store.ConnectionString;
        return runner;
    }

    /// <summary>Runs the command line <paramref name="args"/> with <paramref name="input"/> on standard input.</summary>
    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(input), name => Environment.GetValueOrDefault(name), Time);
        var exitCode = await WsRmCommandLine.RunAsync(args, console).WaitAsync(TestStore.Timeout);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command line <paramref name="args"/> with nothing on standard input.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);
}
