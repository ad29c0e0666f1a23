using WsRm.Samples.QueuedSender;

return await SenderCommandLine.RunAsync(args).ConfigureAwait(false);
