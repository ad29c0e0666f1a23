using Microsoft.Extensions.Options;

namespace WsRm.Client;

/// <summary>Runs <see cref="WsRmClientOptions.Validate"/> for options registered by <c>AddWsRmClient</c>, so a bad setting stops startup.</summary>
internal sealed class WsRmClientOptionsValidator : IValidateOptions<WsRmClientOptions>
{
    public ValidateOptionsResult Validate(string? name, WsRmClientOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"WS-RM client '{name}': {e.Message}");
        }
    }
}
