using AngleSharp.Html.Parser;

namespace OpenDti.Web.Tests.Features.Geography;

/// <summary>
/// "Today" comes from the injected TimeProvider: with the clock pinned before the merger, every
/// default date shows the 63 provinces. (With the real clock this would show 34.)
/// </summary>
public sealed class PinnedTodayTests(OpenDtiAppBeforeTheMerger app) : IClassFixture<OpenDtiAppBeforeTheMerger>
{
    [Fact]
    public async Task ApiWithoutDate_ListsThe63ProvincesOfThatDay()
    {
        using var client = app.CreateClient();

        var provinces = await client.GetJsonAsync("/api/v1/units?level=province");

        Assert.Equal(63, provinces.GetArrayLength());
    }

    [Fact]
    public async Task UnitWithoutDate_IsTheProvinceInForceThatDay()
    {
        using var client = app.CreateClient();

        var unit = await client.GetJsonAsync("/api/v1/units/25");

        Assert.Equal("Tỉnh Phú Thọ", unit.Text("name"));
        Assert.Equal("2025-06-30", unit.Text("validTo"));
        Assert.Empty(unit.GetProperty("predecessors").EnumerateArray());
    }

    [Fact]
    public async Task UnitsPageWithoutDate_Shows63Rows()
    {
        using var client = app.CreateClient();

        var html = await client.GetHtmlAsync("/units");

        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal(63, page.QuerySelectorAll("table tbody tr").Length);
        Assert.Equal("2025-06-15", page.QuerySelector("input[name=on]")?.GetAttribute("value"));
    }
}
