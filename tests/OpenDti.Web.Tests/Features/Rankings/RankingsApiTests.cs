using System.Net;
using System.Text.Json;

namespace OpenDti.Web.Tests.Features.Rankings;

/// <summary><c>/api/v1/rankings</c> on the demo rankings computed at first start.</summary>
public sealed class RankingsApiTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Theory]
    [InlineData("2024", 63)]
    [InlineData("2025", 34)]
    public async Task RankingOfAYear_RanksTheProvincesOfThatYear(string period, int expected)
    {
        using var client = app.CreateClient();

        var ranking = await client.GetJsonAsync($"/api/v1/rankings?framework=DTI_PROVINCE&period={period}");

        Assert.Equal(expected, ranking.GetProperty("unitCount").GetInt32());
        Assert.Equal(expected, ranking.GetProperty("rows").GetArrayLength());
        Assert.Equal("dữ liệu minh họa / demo data", ranking.Text("notice"));
        Assert.Contains("official weights unknown", ranking.Text("notes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_AreInIndexRankOrderWithTiesSharingTheBestRank()
    {
        using var client = app.CreateClient();

        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");

        var ranks = ranking.GetProperty("rows").EnumerateArray().Select(r => IndexScore(r).GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(1, ranks[0]);
        Assert.Equal(ranks.Order(), ranks);
        for (var i = 1; i < ranks.Count; i++)
        {
            // 1, 2, 2, 4: a rank is either its predecessor's (a tie) or its position.
            Assert.True(ranks[i] == ranks[i - 1] || ranks[i] == i + 1, $"rank {ranks[i]} at position {i + 1}");
        }
    }

    [Fact]
    public async Task EveryAggregate_HasScoreAndRank_AndTheIndexHasARankInterval()
    {
        using var client = app.CreateClient();

        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2023");

        var aggregates = ranking.GetProperty("aggregates").EnumerateArray().Select(a => a.Text("code")).ToList();
        Assert.Equal("INDEX", aggregates[0]);
        Assert.Equal(1 + 4 + 8, aggregates.Count);
        Assert.Equal(1000, ranking.GetProperty("uncertaintyRuns").GetInt32());
        Assert.All(ranking.GetProperty("rows").EnumerateArray(), row =>
        {
            Assert.Equal(aggregates, row.GetProperty("scores").EnumerateArray().Select(s => s.Text("node")));
            var index = IndexScore(row);
            var score = index.GetProperty("score").GetDouble();
            Assert.InRange(score, 0, 100);
            Assert.True(index.GetProperty("rankLow").GetDouble() <= index.GetProperty("rankHigh").GetDouble());
        });
    }

    [Fact]
    public async Task YearBeforeTheFrameworkExisted_Is404WithWhatToDo()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2021", HttpStatusCode.NotFound);

        Assert.Contains("index run --framework DTI_PROVINCE --period 2021", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/rankings?framework=DTI_PROVINCE&period=24", "period")]
    [InlineData("/api/v1/rankings?period=2024", "framework")]
    public async Task BadParameter_Is400NamingIt(string path, string field)
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync(path, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Ranking2023_ComparesWith2022UnitByUnit()
    {
        using var client = app.CreateClient();

        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2023");
        var previous = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2022");

        var comparedWith = ranking.GetProperty("comparedWith");
        Assert.Equal("2022", comparedWith.Text("period"));
        Assert.Equal("sameUnits", comparedWith.Text("method"));
        Assert.Equal(previous.GetProperty("runId").GetInt32(), comparedWith.GetProperty("runId").GetInt32());
        var before = previous.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Text("code")!, r => IndexScore(r).GetProperty("rank").GetInt32());
        Assert.All(ranking.GetProperty("rows").EnumerateArray(), row =>
        {
            var index = IndexScore(row);
            var rank = index.GetProperty("rank").GetInt32();
            Assert.Equal(before[row.Text("code")!], index.GetProperty("previousRank").GetInt32());
            Assert.Equal(before[row.Text("code")!] - rank, index.GetProperty("rankChange").GetInt32());
        });
    }

    [Fact]
    public async Task Ranking2025_ComparesWith2024ReexpressedOnThe34Provinces()
    {
        using var client = app.CreateClient();

        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2025");

        var comparedWith = ranking.GetProperty("comparedWith");
        Assert.Equal("2024", comparedWith.Text("period"));
        Assert.Equal("reexpressed", comparedWith.Text("method"));
        Assert.Equal("2025-12-31", comparedWith.Text("unitsOn"));
        Assert.Equal(34, comparedWith.GetProperty("unitCount").GetInt32());
        Assert.All(ranking.GetProperty("rows").EnumerateArray(), row => Assert.Equal(JsonValueKind.Number, IndexScore(row).GetProperty("previousRank").ValueKind));
    }

    private static JsonElement IndexScore(JsonElement row) =>
        row.GetProperty("scores").EnumerateArray().Single(s => s.Text("node") == "INDEX");
}
