using Microsoft.Extensions.Options;
using WsRm.Configuration;

namespace WsRm.Client;

/// <summary>
/// Runs <see cref="WsRmClientOptions.Validate"/> for options registered by <c>AddWsRmClient</c>, so a bad setting stops
/// startup; a value that came from configuration is named by its key.
/// </summary>
internal sealed class WsRmClientOptionsValidator(IEnumerable<OptionsConfiguration<WsRmClientOptions>> sources) : IValidateOptions<WsRmClientOptions>
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
            return ValidateOptionsResult.Fail($"WS-RM client '{name}': {ValidationMessages.Of(e, sources, name)}");
        }
    }
}
