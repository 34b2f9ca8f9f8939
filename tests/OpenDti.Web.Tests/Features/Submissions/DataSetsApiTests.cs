using System.Net;

namespace OpenDti.Web.Tests.Features.Submissions;

/// <summary><c>GET /api/v1/datasets</c> and <c>/api/v1/datasets/{code}</c>: public, from the seeded data sets.</summary>
public sealed class DataSetsApiTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task List_HasTheSeededDataSets_ForAnyone()
    {
        using var client = app.CreateClient();

        var list = await client.GetJsonAsync("/api/v1/datasets");

        var sets = list.EnumerateArray().ToDictionary(s => s.Text("code")!);
        Assert.Equal(["AWARENESS_PROVINCE", "CT749_COMMUNE", "CT749_PROVINCE"], sets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("commune", sets["CT749_COMMUNE"].Text("reportingLevel"));
        Assert.Equal("year", sets["CT749_COMMUNE"].Text("periodType"));
        Assert.Equal(60, sets["CT749_COMMUNE"].GetProperty("defaultDeadlineDays").GetInt32());
        Assert.Equal(4, sets["CT749_COMMUNE"].GetProperty("measureCount").GetInt32());
        Assert.Equal("CT749", sets["CT749_PROVINCE"].Text("framework"));
    }

    [Fact]
    public async Task Detail_HasMeasuresWithTheirBounds_AndTheFrameworksRules()
    {
        using var client = app.CreateClient();

        var set = await client.GetJsonAsync("/api/v1/datasets/ct749_province");

        var measures = set.GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(11, measures.Count);
        Assert.Equal("ONLINE_SERVICES_TOTAL", measures[0].Text("code"));
        Assert.True(measures[0].GetProperty("required").GetBoolean());
        Assert.True(measures[0].GetProperty("wholeNumber").GetBoolean());
        Assert.Equal(0d, measures[0].GetProperty("minimum").GetDouble());
        var growth = measures.Single(m => m.Text("code") == "LABOUR_PRODUCTIVITY_GROWTH");
        Assert.Equal(-100d, growth.GetProperty("minimum").GetDouble());
        Assert.Equal(100d, growth.GetProperty("maximum").GetDouble());
        var rule = set.GetProperty("rules").EnumerateArray().Single(r => r.Text("code") == "L4_WITHIN_TOTAL");
        Assert.Equal("ONLINE_SERVICES_L4 <= ONLINE_SERVICES_TOTAL", rule.Text("expression"));
        Assert.Equal("2020", rule.Text("version"));
        Assert.StartsWith("Số thủ tục mức độ 4", rule.Text("message"), StringComparison.Ordinal);
        Assert.Empty(set.GetProperty("deadlines").EnumerateArray());
    }

    [Fact]
    public async Task UnknownCode_Is404()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/datasets/NOPE", HttpStatusCode.NotFound);

        Assert.Contains("'NOPE'", problem.Text("detail"), StringComparison.Ordinal);
    }
}
