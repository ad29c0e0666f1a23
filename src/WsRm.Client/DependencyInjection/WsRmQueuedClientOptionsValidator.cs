using Microsoft.Extensions.Options;

namespace WsRm.Client;

/// <summary>Runs <see cref="WsRmQueuedClientOptions.Validate"/> for options registered by <c>AddWsRmQueuedClient</c>, so a bad setting stops startup.</summary>
internal sealed class WsRmQueuedClientOptionsValidator : IValidateOptions<WsRmQueuedClientOptions>
{
    public ValidateOptionsResult Validate(string? name, WsRmQueuedClientOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"WS-RM queued client '{name}': {e.Message}");
        }
    }
}
