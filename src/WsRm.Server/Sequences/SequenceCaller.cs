using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using WsRm.Server.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// Who sends a message, as far as sequences care: the authenticated identity (when the endpoint authenticates, e.g.
/// with <c>.RequireAuthorization()</c>) and the key the per-client sequence limit counts by.
/// </summary>
/// <param name="Owner">
/// <c>{authentication type}:{name identifier or name}</c> of an authenticated caller, or null for an anonymous one. A
/// sequence created by an authenticated caller belongs to that identity alone.
/// </param>
/// <param name="ClientKey">The owner when there is one, else the remote IP address (as the host sees it, so after
/// <c>UseForwardedHeaders</c> behind a reverse proxy).</param>
internal readonly record struct SequenceCaller(string? Owner, string ClientKey)
{
    public static SequenceCaller From(HttpContext http)
    {
        var owner = OwnerOf(http.User);
        return new(owner, owner ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>
    /// True when this caller may touch <paramref name="record"/>: sequences of anonymous callers are protected only by
    /// their unguessable identifiers; those of an authenticated caller by the identity too.
    /// </summary>
    public bool MayUse(SequenceRecord record) => record.Owner is null || string.Equals(record.Owner, Owner, StringComparison.Ordinal);

    private static string? OwnerOf(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity) return null;
        var name = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.Name;
        return string.IsNullOrEmpty(name) ? null : $"{identity.AuthenticationType}:{name}";
    }
}
