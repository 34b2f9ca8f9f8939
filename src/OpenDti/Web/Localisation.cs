using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Text;

namespace OpenDti.Web;

/// <summary>
/// Vietnamese first, English second: the request culture comes from the culture cookie (set by the
/// language switch) or <c>?culture=en</c>, and is vi-VN otherwise — never from the browser's
/// Accept-Language, so that a Vietnamese official on an English browser still sees Vietnamese.
/// </summary>
internal static class Localisation
{
    public static readonly CultureInfo Vietnamese = VietnameseText.Culture;
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Vietnamese);
            options.SupportedCultures = [Vietnamese, English];
            options.SupportedUICultures = [Vietnamese, English];
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary><c>GET /culture/{culture}?returnUrl=/units</c> remembers the language in a cookie and goes back.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = string.Equals(culture, "en", StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

            // Only local paths: the switch must not become an open redirect.
            var target = IsLocalPath(returnUrl) ? returnUrl : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription();

    /// <summary>
    /// A path on this site, by the rule LocalRedirect enforces: "/" not followed by "/" or "\" (browsers
    /// read "/\host" as "//host"), without control characters. Anything else would make LocalRedirect throw.
    /// </summary>
    private static bool IsLocalPath([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>True when the current request is served in English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English text when the request is in English and one exists; otherwise the Vietnamese.</summary>
    public static string? Pick(string? vietnamese, string? english) =>
        IsEnglish && !string.IsNullOrEmpty(english) ? english : vietnamese;
}

/// <summary>Localised UI strings for pages and endpoints.</summary>
internal static class StringLocalizerExtensions
{
    /// <summary>The string for <paramref name="key"/> with arguments formatted in the current culture.</summary>
    public static string Format(this IStringLocalizer localizer, string key, params object[] arguments) =>
        localizer[key, arguments].Value;
}
