using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenDti.Web.Tests.Infrastructure;

/// <summary>
/// Pages as a browser uses them: a client that keeps cookies and does not follow redirects (so tests see where
/// they lead), forms posted with the antiforgery token read from the page, and signing in through the form.
/// </summary>
public static partial class PageForms
{
    /// <summary>A client with its own cookie jar that shows redirects instead of following them.</summary>
    public static HttpClient BrowserClient(this OpenDtiApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through /account/sign-in and returns the browser-like client holding the cookie.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this OpenDtiApp app, string name, string password = TestAccounts.Password)
    {
        var client = app.BrowserClient();
        using var response = await client.PostFormAsync("/account/sign-in", new() { ["UserName"] = name, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {name} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs <paramref name="page"/> for its antiforgery token, then posts the fields (and the token) to <paramref name="action"/>, or to the page itself.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action ?? page, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts the fields without any antiforgery token, as a forged cross-site form would.</summary>
    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>The page's text without tags, entities decoded, whitespace collapsed: what a person reads.</summary>
    public static string VisibleText(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
