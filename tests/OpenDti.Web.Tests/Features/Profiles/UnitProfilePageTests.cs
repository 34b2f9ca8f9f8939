using System.Net;

namespace OpenDti.Web.Tests.Features.Profiles;

/// <summary>The profile on <c>/units/{code}</c> and the <c>/compare</c> page, as HTML.</summary>
public sealed class UnitProfilePageTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Fact]
    public async Task UnitPage_ShowsHeadlineRankChartsAndTheirTables()
    {
        using var client = app.CreateClient();
        var profile = await client.GetJsonAsync("/api/v1/units/01/profile");

        var html = await client.GetHtmlAsync("/units/01");

        Assert.Contains($"hạng {profile.GetProperty("index").GetProperty("rank").GetInt32()}/34", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"pillars-title pillars-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("Điểm và thứ hạng các trụ cột, năm 2025", html, StringComparison.Ordinal);
        Assert.Contains("Vì sao thứ hạng thay đổi?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvinceFormedIn2025_SaysLastYearsFiguresAreItsPredecessorsReexpressed()
    {
        using var client = app.CreateClient();
        var profile = await client.GetJsonAsync("/api/v1/units/25/profile");

        var html = await client.GetHtmlAsync("/units/25");

        var change = profile.GetProperty("rankChange");
        Assert.Contains("Số liệu năm 2024 là số liệu của các tỉnh đã hợp thành Tỉnh Phú Thọ, được quy đổi trên địa giới mới", html, StringComparison.Ordinal);
        Assert.Contains($"thứ hạng từ hạng {change.GetProperty("rankBefore").GetInt32()}/34 thành hạng {change.GetProperty("rankAfter").GetInt32()}/34", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_HasOneColumnPerUnit_AndBadChoicesAre400WithAMessage()
    {
        using var client = app.CreateClient();

        var html = await client.GetHtmlAsync("/compare?units=01,79,48&period=2024");
        using var bad = await client.GetAsync(new Uri("/compare?units=01&period=2024", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("★ tốt nhất", html, StringComparison.Ordinal);
        Assert.Contains("Thành phố Hồ Chí Minh", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("found 1", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
