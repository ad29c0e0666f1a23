global using WsRm.Storage;
