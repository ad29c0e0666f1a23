using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// A trivial HTTP target for testing <see cref="LossyForwarder"/> without the WsRm server: POST /echo answers 200 with
/// the request's Content-Type and "SOAPAction|body"; POST /fail answers 500 text/plain "boom".
/// </summary>
public sealed class EchoTarget : IAsyncDisposable
{
    private WebApplication? _app;
    private int _requests;

    /// <summary>The target's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests that reached the target.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a target on loopback.</summary>
    public static async Task<EchoTarget> StartAsync()
    {
        var target = new EchoTarget();
        var app = KestrelLoopback.CreateBuilder().Build();
        app.MapPost("/echo", target.EchoAsync);
        app.MapPost("/fail", target.FailAsync);
        target._app = app;
        target.BaseAddress = await KestrelLoopback.StartAsync(app);
        return target;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await KestrelLoopback.StopAsync(_app);
    }

    private async Task EchoAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Response.ContentType = context.Request.ContentType;
        await context.Response.WriteAsync($"{context.Request.Headers["SOAPAction"]}|{body}", context.RequestAborted);
    }

    private async Task FailAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("boom", context.RequestAborted);
    }
}
