using Microsoft.Extensions.Options;
using WsRm.Configuration;

namespace WsRm.Server.Hosting;

/// <summary>
/// Rejects option values the server cannot run with, at startup; a value that came from configuration is named by its
/// key and value (<c>WsRm:InactivityTimeout ('-00:00:01') must be positive.</c>).
/// </summary>
internal sealed class WsRmServerOptionsValidator(IEnumerable<OptionsConfiguration<WsRmServerOptions>> sources) : IValidateOptions<WsRmServerOptions>
{
    public ValidateOptionsResult Validate(string? name, WsRmServerOptions o)
    {
        var errors = new List<string>();
        void Require(bool condition, string setting, string rule)
        {
            if (!condition) errors.Add($"{OptionsConfiguration<WsRmServerOptions>.Describe(sources, name, setting)} {rule}.");
        }

        Require(o.InactivityTimeout > TimeSpan.Zero, nameof(o.InactivityTimeout), "must be positive");
        Require(o.AcknowledgementInterval >= TimeSpan.Zero, nameof(o.AcknowledgementInterval), "must not be negative");
        Require(o.MaxTransferWindowSize is >= 1 and <= 4096, nameof(o.MaxTransferWindowSize), "must be between 1 and 4096");
        Require(o.MaxPendingChannels is >= 1 and <= 1_000_000, nameof(o.MaxPendingChannels), "must be between 1 and 1000000");
        Require(o.MaxSequencesPerClient >= 1, nameof(o.MaxSequencesPerClient), "must be at least 1");
        Require(o.MaxRetryCount >= 1, nameof(o.MaxRetryCount), "must be at least 1");
        Require(o.MaxReceivedMessageSize is >= 1024 and <= int.MaxValue, nameof(o.MaxReceivedMessageSize), "must be between 1024 and 2147483647 bytes");
        Require(o.ReplyWaitTimeout > TimeSpan.Zero && o.ReplyWaitTimeout <= TimeSpan.FromDays(1), nameof(o.ReplyWaitTimeout), "must be positive and at most one day");
        Require(o.MaxAcknowledgementRanges >= 1, nameof(o.MaxAcknowledgementRanges), "must be at least 1");
        Require(Enum.IsDefined(o.InstanceMode), nameof(o.InstanceMode), "must be PerSession, PerCall or Single");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
