using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.Profiles;

/// <summary>A person reads Hà Nội's ranking profile, compares three provinces, and switches to English.</summary>
public sealed class ProfileBrowserTests(BrowserApp app, DemoBrowserApp demo) : BrowserTest(app), IClassFixture<DemoBrowserApp>
{
    [BrowserFact]
    public async Task PersonReadsHaNoisProfile_SeesTheHeadlineRankAndTheChartsTable()
    {
        await Page.GotoAsync(new Uri(demo.Address, "/units/01").ToString());

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Thành phố Hà Nội", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText(new System.Text.RegularExpressions.Regex(@"Năm 2025: chỉ số chung hạng \d+/34"))).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Điểm các trụ cột của Thành phố Hà Nội năm 2025" })).ToBeVisibleAsync();
        var pillars = Page.GetByRole(AriaRole.Table, new() { Name = "Điểm và thứ hạng các trụ cột, năm 2025" });
        await Expect(pillars.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 4);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Cần cải thiện gì để tăng hạng?" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task PersonDownloadsTheNewPhuThosReport_AndThePillarTableAsCsv()
    {
        await Page.GotoAsync(new Uri(demo.Address, "/units/25").ToString());
        await Expect(Page.GetByText(new System.Text.RegularExpressions.Regex("^Số liệu năm 2024 là số liệu của các tỉnh đã hợp thành Tỉnh Phú Thọ"))).ToBeVisibleAsync();

        var report = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo (DOCX)" }).ClickAsync());
        var csv = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Tải “Điểm và thứ hạng các trụ cột, năm 2025” dạng CSV" }).ClickAsync());

        Assert.Equal("bao-cao-25-DTI_PROVINCE-2025.docx", report.SuggestedFilename);
        var docx = await File.ReadAllBytesAsync(await report.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("PK"u8.ToArray(), docx[..2]);
        Assert.Equal("25-DTI_PROVINCE-2025-pillars.csv", csv.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync(await csv.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(1 + 4, lines.Length);
    }

    [BrowserFact]
    public async Task PersonComparesThreeProvinces_ThenSwitchesToEnglish()
    {
        await Page.GotoAsync(new Uri(demo.Address, "/compare").ToString());
        await Page.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync("2024");
        await Page.GetByRole(AriaRole.Button, new() { Name = "So sánh", Exact = true }).ClickAsync();
        await Page.GetByLabel("Tỉnh 1", new() { Exact = true }).SelectOptionAsync("01");
        await Page.GetByLabel("Tỉnh 2", new() { Exact = true }).SelectOptionAsync("79");
        await Page.GetByLabel("Tỉnh 3", new() { Exact = true }).SelectOptionAsync("48");
        await Page.GetByRole(AriaRole.Button, new() { Name = "So sánh", Exact = true }).ClickAsync();

        var scores = Page.GetByRole(AriaRole.Table, new() { Name = "Điểm và thứ hạng năm 2024 (hạng trên 63 tỉnh)" });
        await Expect(scores.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(1 + 3);
        await Expect(scores.GetByRole(AriaRole.Columnheader).Nth(2)).ToHaveTextAsync("Thành phố Hồ Chí Minh");

        await Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Compare provinces", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Scores and ranks, 2024 (ranks out of 63)" }).GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(1 + 3);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Compare", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }
}
