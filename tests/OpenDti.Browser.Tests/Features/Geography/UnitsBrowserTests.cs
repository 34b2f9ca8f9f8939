using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.Geography;

/// <summary>A person follows the 2025 mergers through the unit pages.</summary>
public sealed class UnitsBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [BrowserFact]
    public async Task PersonChoosesADateBeforeTheMerger_AndFollowsHaGiangIntoTuyenQuang()
    {
        await Page.GotoAsync("/units");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh, thành phố", Level = 1 })).ToBeVisibleAsync();
        await Expect(ProvinceRows()).ToHaveCountAsync(34);

        await Page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2024-12-31");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/units\?on=2024-12-31"));
        await Expect(ProvinceRows()).ToHaveCountAsync(63);
        var haGiang = Page.GetByRole(AriaRole.Link, new() { Name = "Tỉnh Hà Giang", Exact = true });
        await Expect(haGiang).ToBeVisibleAsync();

        await haGiang.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh Hà Giang", Level = 1 })).ToBeVisibleAsync();
        var became = Page.GetByRole(AriaRole.Region, new() { Name = "Trở thành" });
        var successor = became.GetByRole(AriaRole.Link, new() { Name = "Tỉnh Tuyên Quang (08)", Exact = true });
        await Expect(successor).ToBeVisibleAsync();

        await successor.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh Tuyên Quang", Level = 1 })).ToBeVisibleAsync();
        var formedFrom = Page.GetByRole(AriaRole.Region, new() { Name = "Hình thành từ" });
        await Expect(formedFrom.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Tỉnh Hà Giang", "Tỉnh Tuyên Quang"]);
    }

    /// <summary>Body rows of the provinces table (the header row has column headers, not cells).</summary>
    private ILocator ProvinceRows() =>
        Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });
}
