using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using WsRm.Samples.DurableServer;
using WsRm.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<OrdersTable>();
builder.Services.AddSingleton<QueuedPosts>();

builder.Services.AddWsRmServer();
if (builder.Configuration["Store"] == "PostgreSql")            // --Store PostgreSql --ConnectionString "Host=db;..."
    builder.Services.AddWsRmPostgreSqlStore(o => o.ConnectionString = builder.Configuration["ConnectionString"]!);
else                                                           // one file: nothing to install
    builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = builder.Configuration["ConnectionString"] ?? "Data Source=orders.db");

builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    o.KnownProxies.Add(IPAddress.Parse("10.0.0.5"));   // only your proxy may set them
});

var app = builder.Build();
app.UseForwardedHeaders();
app.MapWsRmService<OrderService>("/orders", o => o.Durable = true);

app.MapWsRmQueue<PostQueueService>("/queue/post", o =>
{
    o.MaxConcurrentCalls = 16;
    o.ReceiveErrorHandling = ReceiveErrorHandling.Move;   // the default
});
app.Run();
