using Microsoft.Extensions.Options;

namespace WsRm.Server.Hosting;

/// <summary>Rejects option values the server cannot run with, at startup.</summary>
internal sealed class WsRmServerOptionsValidator : IValidateOptions<WsRmServerOptions>
{
    public ValidateOptionsResult Validate(string? name, WsRmServerOptions o)
    {
        var errors = new List<string>();
        if (o.InactivityTimeout <= TimeSpan.Zero) errors.Add("InactivityTimeout must be positive.");
        if (o.AcknowledgementInterval < TimeSpan.Zero) errors.Add("AcknowledgementInterval must not be negative.");
        if (o.MaxTransferWindowSize is < 1 or > 4096) errors.Add("MaxTransferWindowSize must be between 1 and 4096.");
        if (o.MaxPendingChannels is < 1 or > 1_000_000) errors.Add("MaxPendingChannels must be between 1 and 1000000.");
        if (o.MaxSequencesPerClient < 1) errors.Add("MaxSequencesPerClient must be at least 1.");
        if (o.MaxRetryCount < 1) errors.Add("MaxRetryCount must be at least 1.");
        if (o.MaxReceivedMessageSize is < 1024 or > int.MaxValue) errors.Add("MaxReceivedMessageSize must be between 1024 and 2147483647 bytes.");
        if (o.ReplyWaitTimeout <= TimeSpan.Zero || o.ReplyWaitTimeout > TimeSpan.FromDays(1)) errors.Add("ReplyWaitTimeout must be positive and at most one day.");
        if (o.MaxAcknowledgementRanges < 1) errors.Add("MaxAcknowledgementRanges must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
