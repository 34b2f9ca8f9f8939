using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.Maps;

/// <summary>A person looks at the DTI map after the merger and opens a province from it.</summary>
public sealed class MapBrowserTests(BrowserApp app, DemoBrowserApp demo) : BrowserTest(app), IClassFixture<DemoBrowserApp>
{
    [BrowserFact]
    public async Task PersonChooses2025_Sees34Provinces_ReadsAScore_AndOpensTheProvince()
    {
        await Page.GotoAsync(demo.At("/"));
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Bản đồ" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Bản đồ các tỉnh, thành phố", Level = 1 })).ToBeVisibleAsync();

        await Page.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync("2025");

        await Expect(Page).ToHaveURLAsync(new Regex(@"/map\?year=2025"));
        var map = Page.GetByRole(AriaRole.Figure);
        await Expect(map.GetByRole(AriaRole.Link)).ToHaveCountAsync(34);
        await Expect(Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) })).ToHaveCountAsync(34);
        var tuyenQuang = map.GetByRole(AriaRole.Link, new() { NameRegex = ScoreOf("Tỉnh Tuyên Quang") });

        await tuyenQuang.HoverAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(ScoreOf("Tỉnh Tuyên Quang"));

        await map.GetByRole(AriaRole.Link, new() { NameRegex = ScoreOf("Thành phố Huế") }).FocusAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(ScoreOf("Thành phố Huế"));

        await tuyenQuang.ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/units/08\?on=2025-12-31$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh Tuyên Quang", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>"Tỉnh Tuyên Quang: 52,3 điểm, hạng 7/34".</summary>
    private static Regex ScoreOf(string province) => new($"^{Regex.Escape(province)}: \\d+,\\d điểm, hạng \\d+\\/34$");
}
