using WsRm.Host;

HostApp.Build(args).Run();
