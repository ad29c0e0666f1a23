using Microsoft.Extensions.Options;
using WsRm.Configuration;

namespace WsRm.Client;

/// <summary>
/// Runs <see cref="WsRmQueuedClientOptions.Validate"/> for options registered by <c>AddWsRmQueuedClient</c>, so a bad
/// setting stops startup; a value that came from configuration is named by its key.
/// </summary>
internal sealed class WsRmQueuedClientOptionsValidator(IEnumerable<OptionsConfiguration<WsRmQueuedClientOptions>> sources)
    : IValidateOptions<WsRmQueuedClientOptions>
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
            return ValidateOptionsResult.Fail($"WS-RM queued client '{name}': {ValidationMessages.Of(e, sources, name)}");
        }
    }
}
