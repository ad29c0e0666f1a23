using WsRm.Samples.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<PostedTexts>();
builder.Services.AddWsRmServer(o =>
{
    o.InactivityTimeout = TimeSpan.FromMinutes(10);
    o.MaxTransferWindowSize = 8;
    o.PublishMetadata = true;                                   // GET ?wsdl, ?singleWsdl, ?xsd=xsd0 on every endpoint
});

var app = builder.Build();
app.MapWsRmService<EchoService>("/echo");                       // WS-RM 1.0 + 1.1, SOAP 1.1 + 1.2
app.MapWsRmService<EchoService>("/echo-unordered", o => o.Ordered = false);
app.MapSoapService<EchoService>("/plain/echo");                 // the same service without WS-RM
app.Run();
