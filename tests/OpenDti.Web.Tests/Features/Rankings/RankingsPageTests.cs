using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Web.Tests.Features.Rankings;

/// <summary><c>/rankings</c> on the demo rankings, in Vietnamese by default.</summary>
public sealed class RankingsPageTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Theory]
    [InlineData("2024", 63)]
    [InlineData("2025", 34)]
    public async Task YearOfTheRanking_ShowsItsProvincesOutOfTheirCount(string period, int expected)
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync($"/rankings?framework=DTI_PROVINCE&period={period}"));

        var rows = Rows(page);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.EndsWith($"/{expected}", r.Cells[0].TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutYear_ShowsTheLatestAndTheDemoNote()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/rankings"));

        Assert.Equal("2025", page.QuerySelector("select#period option[selected]")?.GetAttribute("value"));
        Assert.Equal(34, Rows(page).Count);
        Assert.Contains("số liệu minh họa", page.QuerySelector("main .demo-note")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change2023_EqualsTheApisPreviousAndCurrentRanks()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2023"));
        var now = await Ranks(client, "2023");
        var before = await Ranks(client, "2022");

        Assert.All(Rows(page), row =>
        {
            var code = Code(row);
            var change = before[code] - now[code];
            var expected = change > 0 ? $"▲{change}" : change < 0 ? $"▼{-change}" : "=";
            Assert.Equal(expected, row.Cells[4].TextContent.Trim());
        });
        Assert.Contains("so với hạng của chính đơn vị năm 2022", page.QuerySelector("#change-method")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change2025_OfAMergedProvince_ComparesWith2024ReexpressedOnItsBoundary()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2025"));
        var now = await Ranks(client, "2025");
        int comparable;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
            var period = Period.OfYear(2024);
            var run = await db.IndexRuns.SingleAsync(r => r.Period == period && r.UnitsOn == new DateOnly(2025, 12, 31), TestContext.Current.CancellationToken);
            var phuTho = await db.Units.SingleAsync(u => u.Code == new Domain.Geography.UnitCode("25") && u.ValidFrom != null, TestContext.Current.CancellationToken);
            comparable = (await db.IndexRunScores.SingleAsync(s => s.IndexRunId == run.Id && s.UnitId == phuTho.Id && s.NodeCode == "INDEX", TestContext.Current.CancellationToken)).Rank!.Value;
        }

        var row = Assert.Single(Rows(page), r => Code(r) == "25");
        var change = comparable - now["25"];
        Assert.Equal(change > 0 ? $"▲{change}" : change < 0 ? $"▼{-change}" : "=", row.Cells[4].TextContent.Trim());
        Assert.Contains("Hạng năm 2024 được tính lại trên địa giới 34 tỉnh: số liệu của các tỉnh cũ được quy đổi", page.QuerySelector("#change-method")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("2025")]
    public async Task PillarChange_IsEachPillarsRankChangeFromTheApi(string period)
    {
        using var client = app.CreateClient();
        var api = await client.GetJsonAsync($"/api/v1/rankings?framework=DTI_PROVINCE&period={period}");
        var pillars = api.GetProperty("aggregates").EnumerateArray().Where(a => a.Text("kind") == "pillar").Select(a => a.Text("code")!).ToList();
        var changes = api.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.Text("code")!,
            r => r.GetProperty("scores").EnumerateArray().ToDictionary(s => s.Text("node")!, s => s.GetProperty("rankChange"), StringComparer.Ordinal),
            StringComparer.Ordinal);

        var page = Parse(await client.GetHtmlAsync($"/rankings?framework=DTI_PROVINCE&period={period}"));

        Assert.Equal(4, pillars.Count);
        var shown = 0;
        Assert.All(Rows(page), row => Assert.All(pillars.Select((code, i) => (code, i)), pillar =>
        {
            // Per pillar: score, rank, change.
            var change = changes[Code(row)][pillar.code];
            var expected = change.ValueKind == System.Text.Json.JsonValueKind.Null ? "mới"
                : change.GetInt32() > 0 ? $"▲{change.GetInt32()}" : change.GetInt32() < 0 ? $"▼{-change.GetInt32()}" : "=";
            Assert.Equal(expected, row.Cells[5 + (3 * pillar.i) + 2].TextContent.Trim());
            shown += change.ValueKind == System.Text.Json.JsonValueKind.Null || change.GetInt32() == 0 ? 0 : 1;
        }));
        Assert.True(shown > 0, "no pillar rank moved");
        Assert.Contains("Hạng tổng thể và hạng từng trụ cột (cột ±) được so sánh theo cùng một cách", page.QuerySelector("#change-method")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadLinks_CarryTheSortAndTheFilter()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2024&sort=-name&q=h%C3%A0"));

        var links = page.QuerySelectorAll(".downloads a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["/rankings.csv?framework=DTI_PROVINCE&period=2024&sort=-name&q=h%C3%A0", "/rankings.xlsx?framework=DTI_PROVINCE&period=2024&sort=-name&q=h%C3%A0"],
            links);
    }

    [Fact]
    public async Task SortByName_UsesVietnameseOrder_AndMarksTheColumn()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2024&sort=name"));

        var names = Rows(page).Select(r => r.Cells[1].TextContent).ToList();
        Assert.Equal(names.Order(VietnameseText.Comparer), names);
        Assert.NotEqual(names.Order(StringComparer.Ordinal), names);
        var header = Assert.Single(page.QuerySelectorAll("th[aria-sort]"));
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Equal("/rankings?framework=DTI_PROVINCE&period=2024&sort=-name", header.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task SortByAPillar_PutsItsBestRankFirst()
    {
        using var client = app.CreateClient();
        var api = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");
        var pillar = api.GetProperty("aggregates").EnumerateArray().First(a => a.Text("kind") == "pillar").Text("code")!;

        var page = Parse(await client.GetHtmlAsync($"/rankings?framework=DTI_PROVINCE&period=2024&sort={pillar}"));

        var pillarRanks = Rows(page).Select(r => int.Parse(r.Cells[6].TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(pillarRanks.Order(), pillarRanks);
        Assert.Equal(1, pillarRanks[0]);
    }

    [Theory]
    [InlineData("TĨNH", new[] { "Tỉnh Hà Tĩnh" })]
    [InlineData("HÀ NỘI", new[] { "Thành phố Hà Nội" })]
    public async Task Filter_MatchesNamesIgnoringCaseButNotDiacritics(string filter, string[] expected)
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync($"/rankings?framework=DTI_PROVINCE&period=2025&sort=name&q={Uri.EscapeDataString(filter)}"));

        Assert.Equal(expected, Rows(page).Select(r => r.Cells[1].TextContent));
    }

    [Fact]
    public async Task NameLinksToTheUnitOnTheRankingsBoundaryDate()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2024"));

        Assert.All(Rows(page), r => Assert.Matches(@"^/units/\d+\?on=2024-12-31$", r.Cells[1].QuerySelector("a")?.GetAttribute("href") ?? ""));
    }

    [Fact]
    public async Task InEnglish_HeadersAndMethodAreEnglish()
    {
        using var client = app.CreateClient();

        var page = Parse(await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2025&culture=en"));

        Assert.Contains(page.QuerySelectorAll("th a"), a => a.TextContent == "Province or city");
        Assert.Contains("recomputed on the boundaries of the 34 provinces", page.QuerySelector("#change-method")?.TextContent, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, int>> Ranks(HttpClient client, string period)
    {
        var ranking = await client.GetJsonAsync($"/api/v1/rankings?framework=DTI_PROVINCE&period={period}");
        return ranking.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.Text("code")!,
            r => r.GetProperty("scores").EnumerateArray().Single(s => s.Text("node") == "INDEX").GetProperty("rank").GetInt32());
    }

    private static List<IHtmlTableRowElement> Rows(IDocument page) =>
        [.. page.QuerySelectorAll("table.ranking tbody tr").OfType<IHtmlTableRowElement>()];

    /// <summary>The unit code from the row's link, /units/25?on=….</summary>
    private static string Code(IHtmlTableRowElement row) =>
        row.Cells[1].QuerySelector("a")!.GetAttribute("href")!.Split('/', '?')[2];

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
