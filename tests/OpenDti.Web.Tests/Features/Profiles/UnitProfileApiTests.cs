using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Frameworks;
using OpenDti.Features.Rankings;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.Store;

namespace OpenDti.Web.Tests.Features.Profiles;

/// <summary><c>/api/v1/units/{code}/profile</c> on the demo rankings, checked against the rankings API and the stored runs.</summary>
public sealed class UnitProfileApiTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Fact]
    public async Task HaNoiIn2024_HeadlineAndPillarsAreTheRankingsFigures()
    {
        using var client = app.CreateClient();

        var profile = await client.GetJsonAsync("/api/v1/units/01/profile?on=2024-12-31");
        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");

        Assert.Equal("2024", profile.Text("period"));
        Assert.Equal(63, profile.GetProperty("unitCount").GetInt32());
        Assert.Equal("dữ liệu minh họa / demo data", profile.Text("notice"));
        var row = ranking.GetProperty("rows").EnumerateArray().Single(r => r.Text("code") == "01");
        var scores = row.GetProperty("scores").EnumerateArray().ToDictionary(s => s.Text("node")!, StringComparer.Ordinal);
        Assert.Equal(scores["INDEX"].GetProperty("rank").GetInt32(), profile.GetProperty("index").GetProperty("rank").GetInt32());
        Assert.Equal(scores["INDEX"].GetProperty("score").GetDouble(), profile.GetProperty("index").GetProperty("score").GetDouble());
        var pillars = ranking.GetProperty("aggregates").EnumerateArray().Where(a => a.Text("kind") == "pillar").Select(a => a.Text("code")!).ToList();
        Assert.Equal(4, pillars.Count);
        Assert.Equal(pillars, profile.GetProperty("pillars").EnumerateArray().Select(p => p.Text("code")));
        Assert.All(profile.GetProperty("pillars").EnumerateArray(), p =>
        {
            Assert.Equal(scores[p.Text("code")!].GetProperty("score").GetDouble(), p.GetProperty("score").GetDouble());
            Assert.Equal(scores[p.Text("code")!].GetProperty("rank").GetInt32(), p.GetProperty("rank").GetInt32());
        });
        Assert.Equal(["2022", "2023", "2024"], profile.GetProperty("series").EnumerateArray().Select(p => p.Text("period")));
    }

    [Fact]
    public async Task StrengthsAndWeaknesses_AreTheLargestDifferencesToTheMedian_ByHandOnTheStoredRun()
    {
        using var client = app.CreateClient();
        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");
        var runId = ranking.GetProperty("runId").GetInt32();

        var profile = await client.GetJsonAsync("/api/v1/units/01/profile?on=2024-12-31");

        // By hand: each DTI main index is one stored measure; min–max over the 63 provinces (0–100, direction
        // applied), minus the median of the 63; the 3 largest above and below.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var inputs = await db.IndexRunInputs.Where(i => i.IndexRunId == runId)
            .Join(db.DataValues, i => i.DataValueId, v => v.Id, (i, v) => new { i.Value, v.UnitId, v.MeasureId })
            .Join(db.Measures, x => x.MeasureId, m => m.Id, (x, m) => new { x.Value, x.UnitId, Measure = m.Code })
            .Join(db.Units, x => x.UnitId, u => u.Id, (x, u) => new { x.Value, x.Measure, Unit = u.Code })
            .ToListAsync(TestContext.Current.CancellationToken);
        var run = await db.IndexRuns.SingleAsync(r => r.Id == runId, TestContext.Current.CancellationToken);
        var indicators = await db.FrameworkNodes.Where(n => n.FrameworkVersionId == run.FrameworkVersionId && n.Kind == FrameworkNodeKind.Indicator).ToListAsync(TestContext.Current.CancellationToken);
        var gaps = indicators.Select(n =>
        {
            var column = inputs.Where(i => i.Measure.Value == n.Expression).ToDictionary(i => i.Unit.Value, i => i.Value * n.Direction, StringComparer.Ordinal);
            var (min, max) = (column.Values.Min(), column.Values.Max());
            var normalised = column.Values.Select(v => (v - min) / (max - min) * 100).Order().ToList();
            var median = normalised[normalised.Count / 2];
            return (Code: n.Code.Value, Difference: ((column["01"] - min) / (max - min) * 100) - median);
        }).ToList();
        Assert.Equal(63, inputs.Select(i => i.Unit).Distinct().Count());
        Assert.Equal(
            gaps.Where(g => g.Difference > 0).OrderByDescending(g => g.Difference).Take(3).Select(g => g.Code),
            profile.GetProperty("strengths").EnumerateArray().Select(g => g.Text("code")));
        Assert.Equal(
            gaps.Where(g => g.Difference < 0).OrderBy(g => g.Difference).Take(3).Select(g => g.Code),
            profile.GetProperty("weaknesses").EnumerateArray().Select(g => g.Text("code")));
        Assert.All(profile.GetProperty("strengths").EnumerateArray(), g =>
            Assert.Equal(gaps.Single(h => h.Code == g.Text("code")).Difference, g.GetProperty("difference").GetDouble(), 1e-9));
    }

    [Fact]
    public async Task MoveUpSuggestion_AppliedToTheDataAndRecomputed_LiftsTheRank()
    {
        using var client = app.CreateClient();
        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");
        var row = ranking.GetProperty("rows")[30];
        var code = row.Text("code")!;
        var rank = row.GetProperty("scores")[0].GetProperty("rank").GetInt32();

        var profile = await client.GetJsonAsync($"/api/v1/units/{code}/profile?on=2024-12-31");

        var step = profile.GetProperty("moveUp")[0];
        Assert.True(step.GetProperty("newRank").GetInt32() < rank, step.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var replayed = await scope.ServiceProvider.GetRequiredService<RunReplay>()
            .ReplayAsync(ranking.GetProperty("runId").GetInt32(), TestContext.Current.CancellationToken);
        Assert.NotNull(replayed);
        Assert.Equal(rank, replayed.Result.Rank(code, "INDEX"));
        var indicator = step.Text("code")!;
        var u = replayed.Data.UnitCodes.IndexOf(code);
        var changed = replayed.Data with
        {
            Columns = replayed.Data.Columns.SetItem(indicator, replayed.Data.Columns[indicator].SetItem(u, step.GetProperty("requiredValue").GetDouble())),
        };
        var rerun = IndexPipeline.Run(changed, replayed.Metadata, replayed.Config);
        Assert.True(rerun.Value!.Rank(code, "INDEX") < rank, $"rank {rerun.Value!.Rank(code, "INDEX")} after, {rank} before");
        Assert.Equal(rerun.Value!.Rank(code, "INDEX"), step.GetProperty("rankIfApplied").GetInt32());
    }

    [Fact]
    public async Task RankChange_SumsToTheScoreChangeSinceLastYear()
    {
        using var client = app.CreateClient();

        var profile = await client.GetJsonAsync("/api/v1/units/01/profile?on=2024-12-31");

        var change = profile.GetProperty("rankChange");
        Assert.Equal("2023", change.Text("fromPeriod"));
        Assert.Equal("2024", change.Text("toPeriod"));
        var sum = change.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("change").GetDouble());
        Assert.Equal(change.GetProperty("scoreAfter").GetDouble() - change.GetProperty("scoreBefore").GetDouble(), sum, 1e-6);
        Assert.Equal(profile.GetProperty("index").GetProperty("score").GetDouble(), change.GetProperty("scoreAfter").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task ProvinceFormedIn2025_ShowsItsPredecessorsRanksForTheYearsBefore()
    {
        using var client = app.CreateClient();

        // Phú Thọ (25) from 1 July 2025: the old Phú Thọ, Vĩnh Phúc and Hòa Bình.
        var profile = await client.GetJsonAsync("/api/v1/units/25/profile");

        Assert.Equal("2025", profile.Text("period"));
        Assert.Equal(34, profile.GetProperty("unitCount").GetInt32());
        var series = profile.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(3, series.Count(p => p.Text("period") == "2024" && p.GetProperty("isPredecessor").GetBoolean()));
        Assert.All(series.Where(p => p.Text("period") == "2024" && p.GetProperty("isPredecessor").GetBoolean()), p => Assert.Equal(63, p.GetProperty("unitCount").GetInt32()));

        // …and the province itself in 2024, re-expressed from them on its boundary, ranked among the 34.
        var reexpressed = Assert.Single(series, p => p.Text("period") == "2024" && p.GetProperty("isReexpressed").GetBoolean());
        Assert.Equal(34, reexpressed.GetProperty("unitCount").GetInt32());
        Assert.Equal("25", reexpressed.Text("unitCode"));
    }

    [Fact]
    public async Task ProvinceFormedIn2025_RankChangeIsExplainedAgainstIts2024FiguresReexpressed()
    {
        using var client = app.CreateClient();
        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2025");
        var index = ranking.GetProperty("rows").EnumerateArray().Single(r => r.Text("code") == "25").GetProperty("scores").EnumerateArray().Single(s => s.Text("node") == "INDEX");

        var profile = await client.GetJsonAsync("/api/v1/units/25/profile");

        var change = profile.GetProperty("rankChange");
        Assert.Equal("reexpressed", change.Text("method"));
        Assert.Equal("2024", change.Text("fromPeriod"));
        Assert.Equal(34, change.GetProperty("unitCountBefore").GetInt32());
        Assert.Equal(index.GetProperty("previousRank").GetInt32(), change.GetProperty("rankBefore").GetInt32());
        Assert.Equal(index.GetProperty("rank").GetInt32(), change.GetProperty("rankAfter").GetInt32());
        var reexpressed = profile.GetProperty("series").EnumerateArray().Single(p => p.Text("period") == "2024" && p.GetProperty("isReexpressed").GetBoolean());
        Assert.Equal(reexpressed.GetProperty("score").GetDouble(), change.GetProperty("scoreBefore").GetDouble(), 1e-9);
        var sum = change.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("change").GetDouble());
        Assert.Equal(change.GetProperty("scoreAfter").GetDouble() - change.GetProperty("scoreBefore").GetDouble(), sum, 1e-6);
        Assert.All(change.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(JsonValueKind.Number, i.GetProperty("valueBefore").ValueKind));
    }

    [Fact]
    public async Task ComparableRun_ReplayedFromItsInputs_GivesItsStoredRanks()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var period = Domain.Values.Period.OfYear(2024);
        var run = await db.IndexRuns.SingleAsync(r => r.Period == period && r.UnitsOn == new DateOnly(2025, 12, 31), TestContext.Current.CancellationToken);
        var stored = await db.IndexRunScores.Where(s => s.IndexRunId == run.Id && s.NodeCode == "INDEX")
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { u.Code, s.Score, s.Rank })
            .ToListAsync(TestContext.Current.CancellationToken);

        var replayed = await scope.ServiceProvider.GetRequiredService<RunReplay>().ReplayAsync(run.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(replayed);
        Assert.Equal(34, stored.Count);
        Assert.All(stored, s =>
        {
            Assert.Equal(s.Rank, replayed.Result.Rank(s.Code.Value, "INDEX"));
            Assert.Equal(s.Score!.Value, replayed.Result.Score(s.Code.Value, "INDEX"), 1e-9);
        });
    }

    [Fact]
    public async Task UnknownUnit_Is404()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/units/99/profile", HttpStatusCode.NotFound);

        Assert.Contains("'99'", problem.Text("detail"), StringComparison.Ordinal);
    }
}
