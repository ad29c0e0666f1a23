using System.ServiceModel;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WsRm.Client;

// A project made from the WsRm packages alone: a reliable endpoint in memory and a durable one on SQLite (the file
// named by the first argument), each called over a reliable session with the typed client.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddWsRmServer();
builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = $"Data Source={args[0]}");

var app = builder.Build();
app.MapWsRmService<Greeter>("/greet");
app.MapWsRmService<Greeter>("/durable/greet", o => o.Durable = true);
await app.StartAsync();

var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
foreach (var path in new[] { "/greet", "/durable/greet" })
{
    using var factory = new WsRmChannelFactory<IGreeter>(new WsRmClientOptions { Address = new Uri(root + path) });
    var greeter = factory.CreateChannel();
    Console.WriteLine($"{path}: {greeter.Greet("packages")}");
    await ((IWsRmChannel)greeter).CloseAsync();
}
await app.StopAsync();

[ServiceContract(Namespace = "urn:wsrm:packaging")]
public interface IGreeter
{
    [OperationContract] string Greet(string name);
}

public sealed class Greeter : IGreeter
{
    public string Greet(string name) => $"hello, {name}";
}
