using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OpenDti.Web.Tests.Features.Geography;

/// <summary>The pages <c>/units</c> and <c>/units/{code}</c> as HTML, in Vietnamese by default.</summary>
public sealed class UnitsPageTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task BeforeTheMerger_Shows63ProvinceRows()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/units?on=2024-12-31"));

        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.Equal(63, rows.Length);
        Assert.Contains(rows, r => r.QuerySelectorAll("td a").Any(a => a.TextContent == "Tỉnh Hà Giang"));
    }

    [Fact]
    public async Task WithoutDate_ShowsThe34ProvincesOfToday()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/units"));

        Assert.Equal(34, page.QuerySelectorAll("table tbody tr").Length);
        Assert.Equal(app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("input[name=on]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task VietnameseNames_AreSentAsTextNotEntities()
    {
        using var client = app.CreateClient();

        var html = await client.GetHtmlAsync("/units?on=2024-12-31");

        Assert.Contains("Tỉnh Hà Giang", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Tỉnh, thành phố</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DateNotIso_ShowsAnAlertAndToday()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/units?on=31/12/2024"));

        var alert = page.QuerySelector("[role=alert]");
        Assert.NotNull(alert);
        Assert.Contains("'31/12/2024'", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal(34, page.QuerySelectorAll("table tbody tr").Length);
    }

    [Fact]
    public async Task MergedAwayProvince_LinksToItsSuccessor()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/units/02"));

        Assert.Equal("Tỉnh Hà Giang", page.QuerySelector("h1")?.TextContent);
        var became = Section(page, "Trở thành");
        var link = Assert.Single(became.QuerySelectorAll("a"));
        Assert.Equal("Tỉnh Tuyên Quang (08)", link.TextContent);
        Assert.Equal("/units/08?on=2025-07-01", link.GetAttribute("href"));
    }

    [Fact]
    public async Task MergedProvince_ListsWhatItWasFormedFrom()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/units/25"));

        var formedFrom = Section(page, "Hình thành từ");
        var names = formedFrom.QuerySelectorAll("tbody tr td a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Tỉnh Hoà Bình", "Tỉnh Phú Thọ", "Tỉnh Vĩnh Phúc"], names);
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The section a heading with this text labels (through aria-labelledby).</summary>
    private static IElement Section(IDocument page, string heading)
    {
        var h2 = Assert.Single(page.QuerySelectorAll("h2"), h => h.TextContent == heading);
        return Assert.Single(page.QuerySelectorAll("section"), s => s.GetAttribute("aria-labelledby") == h2.Id);
    }
}
