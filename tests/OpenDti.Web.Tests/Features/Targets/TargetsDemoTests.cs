using System.Text.Json;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Targets;

/// <summary>Progress from the demo data set: labelled demo everywhere, lagging lists by sector and locality, the unit page's section, the files.</summary>
public sealed class TargetsDemoTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    private static readonly string[] Lagging = ["at-risk", "off-track"];

    [Fact]
    public async Task ProgressFromDemoValues_CarriesTheDemoLabel_InTheApiAndOnThePages()
    {
        using var client = app.CreateClient();

        var dashboard = await client.GetJsonAsync("/api/v1/targets/dashboard");
        var id = dashboard.GetProperty("pillars")[0].GetProperty("targets")[0].GetProperty("id").GetInt32();
        var progress = await client.GetJsonAsync($"/api/v1/targets/{id}/progress");
        var page = PageForms.VisibleText(await client.GetHtmlAsync($"/targets/{id}"));

        Assert.Equal("dữ liệu minh họa / demo data", dashboard.Text("notice"));
        Assert.Equal("dữ liệu minh họa / demo data", progress.Text("notice"));
        Assert.All(progress.GetProperty("units").EnumerateArray(), u => Assert.True(u.GetProperty("isDemo").GetBoolean()));
        Assert.Contains("Dữ liệu minh họa / demo data — Tiến độ ở đây được tính từ số liệu minh họa, không phải số liệu chính thức.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaggingList_IsWorstFirst_AndKeepsToTheSectorAndLocalityAsked()
    {
        using var client = app.CreateClient();

        var all = await client.GetJsonAsync("/api/v1/targets/lagging");
        var hanoiEconomy = await client.GetJsonAsync("/api/v1/targets/lagging?pillar=digital-economy&unit=01");

        var rows = all.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(r.GetProperty("progress").Text("status"), Lagging));
        var ratios = rows.Select(r => r.GetProperty("progress").GetProperty("paceRatio") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : double.NegativeInfinity).ToList();
        Assert.Equal(ratios.Order(), ratios);
        Assert.All(hanoiEconomy.GetProperty("rows").EnumerateArray(), r =>
        {
            Assert.Equal("01", r.GetProperty("progress").Text("unit"));
            Assert.Equal("digital-economy", r.GetProperty("target").Text("pillar"));
        });
        Assert.Equal(
            rows.Count(r => r.GetProperty("progress").Text("unit") == "01" && r.GetProperty("target").Text("pillar") == "digital-economy"),
            hanoiEconomy.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task UnitPage_HasATargetsSection_WithTheSameStatusesAsTheApi()
    {
        using var client = app.CreateClient();

        var targets = await client.GetJsonAsync("/api/v1/units/25/targets");
        var page = PageForms.VisibleText(await client.GetHtmlAsync("/units/25"));

        Assert.Contains("Chỉ tiêu và tiến độ", page, StringComparison.Ordinal);
        Assert.Contains("Với 34 tỉnh, thành phố từ ngày 1/7/2025, số liệu các năm trước là số liệu của các tỉnh cũ được tính lại theo địa giới mới.", page, StringComparison.Ordinal);
        var rows = targets.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(9, rows.Count); // the 749 targets set for every province
        Assert.True(targets.GetProperty("usesReexpressedHistory").GetBoolean());
    }

    [Fact]
    public async Task ProgressDownloads_HaveOneRowPerProvince()
    {
        using var client = app.CreateClient();
        var dashboard = await client.GetJsonAsync("/api/v1/targets/dashboard");
        var id = dashboard.GetProperty("pillars")[0].GetProperty("targets")[0].GetProperty("id").GetInt32();

        var csv = await client.GetStringAsync(new Uri($"/targets/{id}/progress.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        using var docx = await client.GetAsync(new Uri($"/targets/{id}/progress.docx", UriKind.Relative), TestContext.Current.CancellationToken);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 34, lines.Length);
        Assert.StartsWith("rank,unit,unit_name,status", lines[0], StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[..2]);
    }
}
