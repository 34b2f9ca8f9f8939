using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenDti.Web.Tests.Web;

/// <summary>Vietnamese first; English by the language switch (a cookie) or <c>?culture=en</c>, never from Accept-Language.</summary>
public sealed class LocalisationTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task EnglishSwitch_SetsTheCookieAndGoesBack()
    {
        using var client = app.CreateClient(NoRedirects);

        using var response = await client.GetAsync(new Uri("/culture/en?returnUrl=/units", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/units", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AfterTheEnglishSwitch_PagesAreEnglish()
    {
        using var client = app.CreateClient(NoRedirects);
        using var _ = await client.GetAsync(new Uri("/culture/en?returnUrl=/units", UriKind.Relative), TestContext.Current.CancellationToken);

        var html = await client.GetHtmlAsync("/units");

        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Provinces and cities", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task VietnameseSwitch_GoesBackToVietnamese()
    {
        using var client = app.CreateClient(NoRedirects);
        using var english = await client.GetAsync(new Uri("/culture/en?returnUrl=/units", UriKind.Relative), TestContext.Current.CancellationToken);
        using var vietnamese = await client.GetAsync(new Uri("/culture/vi?returnUrl=/units", UriKind.Relative), TestContext.Current.CancellationToken);

        var html = await client.GetHtmlAsync("/units");

        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Tỉnh, thành phố", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task EnglishBrowser_StillGetsVietnamese()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var html = await client.GetHtmlAsync("/units");

        Assert.Equal("Tỉnh, thành phố", new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task CultureQuery_ServesOnePageInEnglish()
    {
        using var client = app.CreateClient();

        var html = await client.GetHtmlAsync("/units?culture=en");

        Assert.Equal("Provinces and cities", new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/units\r\nSet-Cookie: a=b")]
    public async Task OffSiteReturnUrl_RedirectsHome(string returnUrl)
    {
        using var client = app.CreateClient(NoRedirects);

        using var response = await client.GetAsync(
            new Uri($"/culture/en?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
