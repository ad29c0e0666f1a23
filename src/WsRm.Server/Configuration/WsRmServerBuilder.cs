using Microsoft.Extensions.DependencyInjection;

namespace WsRm.Server.Configuration;

/// <summary>The <see cref="IWsRmServerBuilder"/> that <c>AddWsRmServer</c> returns.</summary>
internal sealed class WsRmServerBuilder(IServiceCollection services) : IWsRmServerBuilder
{
    public IServiceCollection Services { get; } = services;
}
