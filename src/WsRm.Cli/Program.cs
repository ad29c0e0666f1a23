using WsRm.Cli;

return await WsRmCommandLine.RunAsync(args, CliConsole.System).ConfigureAwait(false);
