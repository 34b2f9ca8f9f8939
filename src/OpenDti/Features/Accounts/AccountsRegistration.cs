using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Sign-in for people (a cookie, for pages), bearer tokens and API keys (for the API), and the services
/// that turn a request into a <see cref="SignedIn"/> actor.
/// </summary>
internal static class AccountsRegistration
{
    /// <summary>The default scheme: picks the API key, the bearer token or the cookie from what the request carries.</summary>
    public const string Smart = "OpenDti";

    /// <summary>The schemes the write API accepts: never the cookie, so that no other site can make a browser write.</summary>
    public static readonly string[] ApiSchemes = [IdentityConstants.BearerScheme, ApiKeyAuthentication.SchemeName];

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenDtiIdentity().AddSignInManager().AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) ? ApiKeyAuthentication.SchemeName
                : context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TokenLifetime)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/sign-in";
                options.AccessDeniedPath = "/account/denied";
                options.Cookie.Name = "opendti.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            }));
        services.AddAuthorization();
        services.AddScoped<UnitHierarchy>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<AccountHistory>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ApiKeyIssuer>();
        return services;
    }

    /// <summary>An API call without credentials gets its status code, not a redirect to the sign-in page.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates the bearer token for a principal, the same way the bearer handler reads it back.</summary>
    public static (string Token, DateTimeOffset ExpiresAt) CreateToken(BearerTokenOptions options, System.Security.Claims.ClaimsPrincipal principal, TimeProvider time)
    {
        var expires = time.GetUtcNow() + TokenLifetime;
        var properties = new AuthenticationProperties { IssuedUtc = time.GetUtcNow(), ExpiresUtc = expires };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return (options.BearerTokenProtector.Protect(ticket), expires);
    }
}
