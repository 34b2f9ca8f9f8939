using System.Globalization;
using AngleSharp.Html.Parser;

namespace OpenDti.Web.Tests.Features.Maps;

/// <summary>The /map page on the demo rankings: the map and its table alternative show the API's figures.</summary>
public sealed class MapPageTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Theory]
    [InlineData(2024, 63)]
    [InlineData(2025, 34)]
    public async Task MapOfAYear_ShowsItsProvincesWithTheScoresOfTheApi(int year, int expected)
    {
        using var client = app.CreateClient();
        var ranking = await client.GetJsonAsync($"/api/v1/rankings?framework=DTI_PROVINCE&period={year}");

        var page = new HtmlParser().ParseDocument(await client.GetHtmlAsync($"/map?year={year}"));

        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        var apiScores = ranking.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.Text("name")!,
            r => r.GetProperty("scores").EnumerateArray().Single(s => s.Text("node") == "INDEX").GetProperty("score").GetDouble().ToString("0.0", vietnamese),
            StringComparer.Ordinal);
        var tableScores = page.QuerySelectorAll("table.data tbody tr").ToDictionary(
            r => r.QuerySelector("a")!.TextContent,
            r => r.QuerySelectorAll("td")[2].TextContent,
            StringComparer.Ordinal);
        Assert.Equal(expected, tableScores.Count);
        Assert.Equal(apiScores.OrderBy(p => p.Key, StringComparer.Ordinal), tableScores.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected, page.QuerySelectorAll("figure svg a").Length);
        Assert.NotNull(page.QuerySelector("p.demo-note"));
    }

    [Fact]
    public async Task APillar_ColoursTheMapByThatPillarInFiveClasses()
    {
        using var client = app.CreateClient();
        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");
        var pillar = ranking.GetProperty("aggregates").EnumerateArray().First(a => a.Text("kind") == "pillar");

        var page = new HtmlParser().ParseDocument(await client.GetHtmlAsync($"/map?year=2024&score={pillar.Text("code")}"));

        Assert.Equal(pillar.Text("code"), page.QuerySelector("select#score option[selected]")?.GetAttribute("value"));
        Assert.Contains(pillar.Text("name")!, page.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        var classes = page.QuerySelectorAll("figure svg a").Select(a => a.ClassList.Single(c => c.StartsWith('q'))).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], classes);
        Assert.Equal(6, page.QuerySelectorAll("ul.legend li").Length);
    }

    [Fact]
    public async Task EverySquare_LinksToItsProvinceOnTheMapsDay()
    {
        using var client = app.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetHtmlAsync("/map?year=2024"));

        var links = page.QuerySelectorAll("figure svg a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/units/02?on=2024-12-31", links);
        Assert.All(page.QuerySelectorAll("figure svg a"), a => Assert.Contains(" điểm, hạng ", a.GetAttribute("aria-label"), StringComparison.Ordinal));
    }
}
