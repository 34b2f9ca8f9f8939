using System.Globalization;
using System.Text.Json;
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

        // The overall row and one indicator row carry the API's figures, in Vietnamese number format (scores to one decimal).
        var api = await Page.APIRequest.GetAsync(new Uri(demo.Address, "/api/v1/compare?units=01,79,48&period=2024").ToString());
        Assert.True(api.Ok, api.StatusText);
        var table = (await api.JsonAsync())!.Value;
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        var index = table.GetProperty("aggregates")[0].GetProperty("code").GetString();
        var overall = scores.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell);
        for (var i = 0; i < 3; i++)
        {
            var score = table.GetProperty("units")[i].GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("node").GetString() == index);
            await Expect(overall.Nth(i)).ToContainTextAsync(score.GetProperty("score").GetDouble().ToString("N1", vietnamese));
            await Expect(overall.Nth(i)).ToContainTextAsync($"hạng {score.GetProperty("rank").GetInt32()}/63");
        }

        var indicator = table.GetProperty("indicators").EnumerateArray().First(r => r.GetProperty("values").EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number));
        var indicatorName = indicator.GetProperty("name").GetString()!;
        var indicatorRow = Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader).Filter(new() { HasText = indicatorName }) }).First;
        await Expect(indicatorRow.GetByRole(AriaRole.Cell)).ToHaveCountAsync(3);
        var texts = await indicatorRow.GetByRole(AriaRole.Cell).AllInnerTextsAsync();
        for (var i = 0; i < 3; i++)
        {
            var value = indicator.GetProperty("values")[i].GetDouble();
            Assert.Equal(value, double.Parse(NumberPart(texts[i]), NumberStyles.Number, vietnamese), 2);
        }

        await Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Compare provinces", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Scores and ranks, 2024 (ranks out of 63)" }).GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(1 + 3);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Compare", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }

    /// <summary>The number at the start of a cell such as "12,34 ★ tốt nhất".</summary>
    private static string NumberPart(string cell) => System.Text.RegularExpressions.Regex.Match(cell, @"^-?[\d.]+(,\d+)?").Value;
}
