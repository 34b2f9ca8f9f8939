using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.Targets;

/// <summary>A person opens the programme dashboard and a target's page, and reads the same figures as the API gives.</summary>
public sealed class TargetsBrowserTests(BrowserApp app, DemoBrowserApp demo) : BrowserTest(app), IClassFixture<DemoBrowserApp>
{
    private static readonly string[] Statuses = ["achieved", "onTrack", "atRisk", "offTrack", "noData"];

    [BrowserFact]
    public async Task PersonOpensTheDashboard_SeesEachDigitalGovernmentTargetsCountsAsTheApiGivesThem()
    {
        var dashboard = await JsonAsync("/api/v1/targets/dashboard");

        await Page.GotoAsync(demo.At("/"));
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Mục tiêu" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mục tiêu chương trình", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Tiến độ ở đây được tính từ số liệu minh họa, không phải số liệu chính thức.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Văn bản chương trình" }).GetByRole(AriaRole.Cell, new() { Name = "749/QĐ-TTg", Exact = true })).ToBeVisibleAsync();
        var government = dashboard.GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("pillar").GetString() == "digital-government");
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Chỉ tiêu Chính quyền số" });
        var targets = government.GetProperty("targets").EnumerateArray().ToList();
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + targets.Count);
        foreach (var target in targets)
        {
            var row = table.GetByRole(AriaRole.Row).Filter(new() { Has = Page.Locator($"a[href='/targets/{target.GetProperty("id").GetInt32()}']") });
            var cells = row.GetByRole(AriaRole.Cell);
            await Expect(cells.Nth(1)).ToHaveTextAsync(target.GetProperty("deadlineYear").GetInt32().ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < Statuses.Length; i++)
            {
                await Expect(cells.Nth(4 + i)).ToHaveTextAsync(target.GetProperty("counts").GetProperty(Statuses[i]).GetInt32().ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    [BrowserFact]
    public async Task PersonOpensATargetsPage_SeesEveryProvinceRankedAsTheApiRanksThem()
    {
        await Page.GotoAsync(demo.At("/targets"));
        var link = Page.GetByRole(AriaRole.Table, new() { Name = "Chỉ tiêu Chính quyền số" }).GetByRole(AriaRole.Link, new() { Name = "DVC_L4", Exact = true }).Last;
        var id = Regex.Match(await link.GetAttributeAsync("href") ?? string.Empty, @"\d+$").Value;
        var progress = await JsonAsync($"/api/v1/targets/{id}/progress");

        await link.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "DVC_L4: Tỷ lệ dịch vụ công trực tuyến mức độ 4", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Với 34 tỉnh, thành phố từ ngày 1/7/2025, số liệu các năm trước là số liệu của các tỉnh cũ được tính lại theo địa giới mới.")).ToBeVisibleAsync();
        var assessedIn = progress.GetProperty("assessedIn").GetInt32();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = $"Các đơn vị xếp theo tiến độ thực hiện DVC_L4, đánh giá năm {assessedIn}" });
        var units = progress.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(34, units.Count);
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 34);
        for (var i = 0; i < 3; i++)
        {
            var row = table.GetByRole(AriaRole.Row).Nth(1 + i);
            var unit = units[i];
            await Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(new Regex("^" + Regex.Escape(unit.GetProperty("unitName").GetString()!)));
            await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync(new Regex("^" + Regex.Escape(unit.GetProperty("latestValue").GetDouble().ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN")))));
        }

        // The status map: one square per province, coloured by the status the API gives.
        var map = Page.Locator("figure.status-map");
        await Expect(map.Locator("a.tile")).ToHaveCountAsync(34);
        foreach (var unit in units.Take(3))
        {
            var tile = map.Locator($"a.tile[href='/units/{unit.GetProperty("unit").GetString()}']");
            await Expect(tile).ToHaveClassAsync(new Regex("status-" + unit.GetProperty("status").GetString()));
            await Expect(tile).ToHaveAttributeAsync("aria-label", new Regex("^" + Regex.Escape(unit.GetProperty("unitName").GetString()!) + ": "));
        }

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Excel (XLSX)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    }

    private async Task<JsonElement> JsonAsync(string path)
    {
        var response = await Page.APIRequest.GetAsync(demo.At(path));
        Assert.Equal(200, response.Status);
        using var document = JsonDocument.Parse(await response.TextAsync());
        return document.RootElement.Clone();
    }
}
