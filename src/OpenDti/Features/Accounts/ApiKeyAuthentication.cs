using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Authenticates <c>X-Api-Key: odk_{prefix}_{secret}</c>. A refused key gets a 401 problem that says why
/// in terms the key's owner can act on (expired on a date, revoked) — never whether an unknown prefix exists.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OpenDtiDbContext db,
    TimeProvider time,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string Header = "X-Api-Key";

    public const string KeyIdClaim = "opendti:api_key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKey.TryParse(values.ToString(), out var prefix, out var secret))
        {
            return AuthenticateResult.Fail("Khoá API không đúng dạng odk_… / the API key is not shaped like odk_….");
        }

        var key = await db.ApiKeys.AsNoTracking().Include(k => k.User).SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || !key.Matches(secret))
        {
            return AuthenticateResult.Fail("Khoá API không hợp lệ / the API key is not valid.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (key.RevokedAtUtc is { } revoked)
        {
            return AuthenticateResult.Fail($"Khoá API {prefix} đã bị thu hồi lúc {revoked:yyyy-MM-dd HH:mm} UTC / the API key was revoked; ask for a new one.");
        }

        if (now >= key.ExpiresAtUtc)
        {
            return AuthenticateResult.Fail($"Khoá API {prefix} đã hết hạn ngày {key.ExpiresAtUtc:yyyy-MM-dd} / the API key expired; ask for a new one.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, key.User!.UserName!),
                new Claim(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Chưa xác thực / not authenticated",
                Detail = result.Failure?.Message ?? "Cần khoá API hoặc token / an API key or a bearer token is needed.",
            },
        });
    }
}
