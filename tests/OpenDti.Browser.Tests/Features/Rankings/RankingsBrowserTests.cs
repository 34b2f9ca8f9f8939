using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.Rankings;

/// <summary>A person reads the demo rankings: picks a year, sorts by a pillar, switches to English.</summary>
public sealed class RankingsBrowserTests(BrowserApp app, DemoBrowserApp demo) : BrowserTest(app), IClassFixture<DemoBrowserApp>
{
    [BrowserFact]
    public async Task PersonPicks2024_SortsByAPillar_AndSeesTheApisFigures()
    {
        await Page.GotoAsync(new Uri(demo.Address, "/rankings").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Xếp hạng", Level = 1 })).ToBeVisibleAsync();
        await Expect(RankingRows()).ToHaveCountAsync(34);

        await Page.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync("2024");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();

        await Expect(RankingRows()).ToHaveCountAsync(63);
        var (pillarCode, pillarName, position) = await FirstPillarAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = pillarName, Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"sort={pillarCode}"));
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = pillarName })).ToHaveAttributeAsync("aria-sort", "ascending");
        var best = await BestOnAsync(pillarCode);
        var first = RankingRows().First.GetByRole(AriaRole.Cell);
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        await Expect(first.Nth(1)).ToHaveTextAsync(best.Name);
        await Expect(first.Nth(5 + (2 * position))).ToHaveTextAsync(best.Score.ToString("N2", vietnamese));
        await Expect(first.Nth(6 + (2 * position))).ToHaveTextAsync(best.Rank.ToString(CultureInfo.InvariantCulture));

        await Page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rankings", Level = 1 })).ToBeVisibleAsync();
        await Expect(RankingRows()).ToHaveCountAsync(63);
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Province or city" })).ToBeVisibleAsync();
    }

    private ILocator RankingRows() =>
        Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    private async Task<JsonElement> RankingAsync()
    {
        var response = await Page.APIRequest.GetAsync(new Uri(demo.Address, "/api/v1/rankings?framework=DTI_PROVINCE&period=2024").ToString());
        Assert.True(response.Ok, response.StatusText);
        return (await response.JsonAsync())!.Value;
    }

    private async Task<(string Code, string Name, int Position)> FirstPillarAsync()
    {
        var pillar = (await RankingAsync()).GetProperty("aggregates").EnumerateArray().First(a => a.GetProperty("kind").GetString() == "pillar");
        return (pillar.GetProperty("code").GetString()!, pillar.GetProperty("name").GetString()!, 0);
    }

    private async Task<(string Name, double Score, int Rank)> BestOnAsync(string pillar)
    {
        var best = (await RankingAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (Row: r, Score: r.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("node").GetString() == pillar)))
            .OrderBy(x => x.Score.GetProperty("rank").GetInt32())
            .ThenBy(x => x.Row.GetProperty("code").GetString(), StringComparer.Ordinal)
            .First();
        return (best.Row.GetProperty("name").GetString()!, best.Score.GetProperty("score").GetDouble(), best.Score.GetProperty("rank").GetInt32());
    }
}
