using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WsRm.Server.Tests.Harness.Auth;

/// <summary>
/// HTTP Basic authentication (RFC 7617) against a fixed user list, as an ASP.NET Core authentication scheme: the
/// endpoints under test run behind the real authentication and authorization middleware.
/// </summary>
internal sealed class BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";
    public const string Password = "secret";
    public static readonly string[] Users = ["alice", "mallory"];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Scheme != SchemeName || header.Parameter is null)
            return Task.FromResult(AuthenticateResult.NoResult());
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
        if (pair.Length != 2 || !Users.Contains(pair[0]) || pair[1] != Password)
            return Task.FromResult(AuthenticateResult.Fail("Unknown user or wrong password."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, pair[0]), new Claim(ClaimTypes.Name, pair[0])], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} realm=\"wsrm\"";
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>The Authorization header value for <paramref name="user"/>.</summary>
    public static AuthenticationHeaderValue Credentials(string user, string password = Password) =>
        new(SchemeName, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
