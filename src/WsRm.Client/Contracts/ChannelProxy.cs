using System.Reflection;
using System.ServiceModel;

namespace WsRm.Client;

/// <summary>
/// The typed proxy: <see cref="DispatchProxy"/> generates a class implementing the contract on top of this one, and
/// every contract method call lands in <see cref="Invoke"/>. The session lifetime is <see cref="IWsRmChannel"/>.
/// </summary>
/// <remarks>Public and unsealed only because <see cref="DispatchProxy"/> derives from it; not meant to be used directly.</remarks>
public class ChannelProxy : DispatchProxy, IWsRmChannel
{
    private ClientContract _contract = null!;
    private ChannelLifetime _lifetime = null!;

    /// <inheritdoc />
    public CommunicationState State => _lifetime.State;

    /// <inheritdoc />
    public WsRmSession? Session => _lifetime.Session;

    internal void Initialize(ClientContract contract, ChannelLifetime lifetime)
    {
        _contract = contract;
        _lifetime = lifetime;
    }

    /// <inheritdoc />
    public Task OpenAsync(CancellationToken cancellationToken = default) => _lifetime.OpenAsync(cancellationToken);

    /// <inheritdoc />
    public Task CloseAsync(CancellationToken cancellationToken = default) => _lifetime.CloseAsync(cancellationToken);

    /// <inheritdoc />
    public void Abort() => _lifetime.Abort();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _lifetime.DisposeAsync();
    }

    /// <summary>Closes gracefully, blocking; for synchronous code (<c>using</c>), as WCF's <c>Dispose</c> does.</summary>
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _lifetime.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        ClientOperation operation = _contract.Find(targetMethod)
            ?? throw new NotSupportedException(
                $"{targetMethod.DeclaringType?.FullName}.{targetMethod.Name} is not an [OperationContract] of {_contract.Info.Interface.FullName}.");
        return operation.Return(CallAsync(operation, args ?? []));
    }

    private async Task<object?> CallAsync(ClientOperation operation, object?[] arguments)
    {
        WsRmSession session = await _lifetime.GetSessionAsync(CancellationToken.None).ConfigureAwait(false);
        return await operation.InvokeAsync(session, arguments).ConfigureAwait(false);
    }
}
