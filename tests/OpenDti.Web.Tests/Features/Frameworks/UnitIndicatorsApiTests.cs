using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Web.Tests.Features.Frameworks;

/// <summary><c>/api/v1/units/{code}/indicators</c> on the demo data: labelled, and re-expressed across the 2025 merger.</summary>
public sealed class UnitIndicatorsApiTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    private const string DemoNotice = "dữ liệu minh họa / demo data";

    [Fact]
    public async Task DemoValues_CarryTheDemoNotice()
    {
        using var client = app.CreateClient();

        var table = await client.GetJsonAsync("/api/v1/units/17/indicators?on=2024-12-31");

        Assert.Equal(DemoNotice, table.Text("notice"));
        Assert.Equal(["2021", "2022", "2023", "2024"], table.GetProperty("years").EnumerateArray().Select(y => y.GetString()));
        Assert.All(Indicator(table, "DVC_L4").GetProperty("values").EnumerateArray(), v => Assert.True(v.GetProperty("isDemo").GetBoolean()));
    }

    [Fact]
    public async Task MergedProvince_ShowsItsPredecessorsYearsReexpressed()
    {
        using var client = app.CreateClient();

        var table = await client.GetJsonAsync("/api/v1/units/25/indicators");

        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], table.GetProperty("years").EnumerateArray().Select(y => y.GetString()));
        Assert.Equal(["Tỉnh Hoà Bình", "Tỉnh Phú Thọ", "Tỉnh Vĩnh Phúc"], table.GetProperty("reexpressedFrom").EnumerateArray().Select(n => n.GetString()));
        var reexpressed = Indicator(table, "DVC_L4").GetProperty("values").EnumerateArray().Select(v => v.GetProperty("isReexpressed").GetBoolean());
        Assert.Equal([true, true, true, true, false], reexpressed);
    }

    [Fact]
    public async Task ReexpressedRatio_IsTheRatioOfTheSums_NotTheMeanOfTheRatios()
    {
        using var client = app.CreateClient();
        var (level4, total) = await PredecessorCountsAsync(["17", "25", "26"], "ONLINE_SERVICES_L4", "ONLINE_SERVICES_TOTAL", 2023);

        var table = await client.GetJsonAsync("/api/v1/units/25/indicators");

        // Phú Thọ (new) in 2023 = (L4₁₇ + L4₂₅ + L4₂₆) / (total₁₇ + total₂₅ + total₂₆) × 100.
        var expected = level4.Sum() / total.Sum() * 100;
        var meanOfRatios = level4.Zip(total, (l, t) => l / t * 100).Average();
        var actual = Value(table, "DVC_L4", "2023");
        Assert.Equal(expected, actual, 1e-9);
        Assert.NotEqual(meanOfRatios, actual, 1e-6);
    }

    [Fact]
    public async Task DistrictIndicatorAfterDistrictsWereAbolished_IsMissingNotZero()
    {
        using var client = app.CreateClient();

        var table = await client.GetJsonAsync("/api/v1/units/25/indicators");

        Assert.Equal(JsonValueKind.Null, ValueElement(table, "HSCV_HUYEN", "2025").ValueKind);
        Assert.True(Value(table, "HSCV_HUYEN", "2024") > 0);
    }

    [Fact]
    public async Task UnknownFramework_Is404Problem()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/units/25/indicators?framework=NOPE", System.Net.HttpStatusCode.NotFound);

        Assert.Contains("NOPE", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitPage_LabelsTheDemoDataAndTheReexpression()
    {
        using var client = app.CreateClient();

        var html = await client.GetHtmlAsync("/units/25");

        Assert.Contains("Dữ liệu minh họa / demo data", html, StringComparison.Ordinal);
        Assert.Contains("Trước khi đơn vị được thành lập: số liệu của Tỉnh Hoà Bình, Tỉnh Phú Thọ, Tỉnh Vĩnh Phúc được quy đổi", html, StringComparison.Ordinal);
    }

    private async Task<(double[] Part, double[] Whole)> PredecessorCountsAsync(string[] codes, string part, string whole, int year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var period = Period.OfYear(year);
        var rows = await db.DataValues
            .Join(db.Units, v => v.UnitId, u => u.Id, (v, u) => new { v, u })
            .Join(db.Measures, x => x.v.MeasureId, m => m.Id, (x, m) => new { x.v.Value, x.v.Period, x.u.Code, x.u.ValidTo, Measure = m.Code })
            .Where(r => r.Period == period && r.ValidTo != null)
            .ToListAsync(TestContext.Current.CancellationToken);
        double Of(string code, string measure) => rows.Single(r => r.Code == new UnitCode(code) && r.Measure == new MeasureCode(measure)).Value;
        return (codes.Select(c => Of(c, part)).ToArray(), codes.Select(c => Of(c, whole)).ToArray());
    }

    private static JsonElement Indicator(JsonElement table, string code) =>
        table.GetProperty("indicators").EnumerateArray().Single(i => i.Text("code") == code);

    private static JsonElement ValueElement(JsonElement table, string code, string period) =>
        Indicator(table, code).GetProperty("values").EnumerateArray().Single(v => v.Text("period") == period).GetProperty("value");

    private static double Value(JsonElement table, string code, string period) => ValueElement(table, code, period).GetDouble();
}
