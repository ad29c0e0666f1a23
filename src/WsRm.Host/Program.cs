using System.Reflection;
using Microsoft.Extensions.Options;
using WsRm.Host;

// A setting the host cannot take (a misspelt key, a value out of range) stops it with one line that names the key and
// exit code 2, rather than the runtime's unhandled-exception dump. Only as a program of its own: a test host that runs
// this entry point (WebApplicationFactory) gets the exception itself.
try
{
    HostApp.Build(args).Run();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException
    && Assembly.GetEntryAssembly() == typeof(HostApp).Assembly)
{
    Console.Error.WriteLine($"WsRm.Host: {e.Message}");
    return 2;
}
