using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Values;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Store.Tests.Seed;

/// <summary>The demo data set: complete, flagged, and removable together with what was computed from it.</summary>
public abstract class DemoDataTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task Demo_CoversEveryMeasureFor63ProvincesUntil2024And34In2025()
    {
        await new StoreInitializer(Db, TimeProvider.System).InitializeAsync(includeDemo: true, CancellationToken);

        await using var db = Store.OpenContext();
        var measures = await db.Measures.CountAsync(CancellationToken);
        var perYear = await db.DataValues
            .Where(v => v.IsDemo)
            .GroupBy(v => v.Period)
            .Select(g => new { Period = g.Key, Units = g.Select(v => v.UnitId).Distinct().Count(), Values = g.Count() })
            .ToListAsync(CancellationToken);
        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], perYear.Select(p => p.Period.ToString()).Order(StringComparer.Ordinal));
        Assert.All(perYear.Where(p => p.Period.Year < 2025), p => Assert.Equal(63, p.Units));
        Assert.Equal(34, perYear.Single(p => p.Period.Year == 2025).Units);

        // Every measure every year, except the two district measures from 2025 on (districts were abolished).
        Assert.Equal(63 * measures, perYear.Single(p => p.Period.Year == 2024).Values);
        Assert.Equal(34 * (measures - 2), perYear.Single(p => p.Period.Year == 2025).Values);
        Assert.False(await db.DataValues.AnyAsync(v => !v.IsDemo || v.Source != "demo", CancellationToken));
    }

    [Fact]
    public async Task MergedProvince2025Count_IsTheSumOfItsPredecessorsWouldBeValues()
    {
        await new StoreInitializer(Db, TimeProvider.System).InitializeAsync(includeDemo: true, CancellationToken);

        await using var db = Store.OpenContext();
        var total = await db.Measures.SingleAsync(m => m.Code == new Domain.Frameworks.MeasureCode("ONLINE_SERVICES_TOTAL"), CancellationToken);
        var newPhuTho = await db.Units.SingleAsync(u => u.Code == new UnitCode("25") && u.ValidFrom != null, CancellationToken);
        var value2025 = await db.DataValues.SingleAsync(v => v.UnitId == newPhuTho.Id && v.MeasureId == total.Id && v.Period == Period.OfYear(2025), CancellationToken);

        // A whole count, not an average: at least the largest predecessor's 2024 value (counts only grow here).
        var predecessors2024 = await db.Successions
            .Where(s => s.SuccessorId == newPhuTho.Id)
            .Join(db.DataValues, s => s.PredecessorId, v => v.UnitId, (s, v) => v)
            .Where(v => v.MeasureId == total.Id && v.Period == Period.OfYear(2024))
            .Select(v => v.Value)
            .ToListAsync(CancellationToken);
        Assert.Equal(3, predecessors2024.Count);
        Assert.True(value2025.Value >= predecessors2024.Sum(), $"{value2025.Value} < {predecessors2024.Sum()}");
        Assert.Equal(Math.Round(value2025.Value), value2025.Value);
    }

    [Fact]
    public async Task RemoveDemo_TakesTheRunsComputedFromItAlong()
    {
        var initializer = new StoreInitializer(Db, TimeProvider.System);
        await initializer.InitializeAsync(includeDemo: true, CancellationToken);
        var run = await AddRunReadingAsync(isDemo: true);

        var removed = await initializer.RemoveDemoAsync(CancellationToken);

        await using var db = Store.OpenContext();
        Assert.True(removed > 5000);
        Assert.False(await db.DataValues.AnyAsync(CancellationToken));
        Assert.False(await db.IndexRuns.AnyAsync(r => r.Id == run.Id, CancellationToken));
        Assert.False(await db.IndexRunInputs.AnyAsync(CancellationToken));
        Assert.False(await db.IndexRunScores.AnyAsync(CancellationToken));
    }

    [Fact]
    public async Task ValueReadByARun_CannotBeDeletedUnderIt()
    {
        await new StoreInitializer(Db, TimeProvider.System).InitializeAsync(includeDemo: true, CancellationToken);
        var run = await AddRunReadingAsync(isDemo: false);
        var input = await Db.IndexRunInputs.FirstAsync(i => i.IndexRunId == run.Id, CancellationToken);

        var deleting = Db.DataValues.Where(v => v.Id == input.DataValueId).ExecuteDeleteAsync(CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(() => deleting);
    }

    private async Task<IndexRun> AddRunReadingAsync(bool isDemo)
    {
        var version = await Db.FrameworkVersions.FirstAsync(CancellationToken);
        var value = await Db.DataValues.FirstAsync(CancellationToken);
        var run = new IndexRun
        {
            FrameworkVersionId = version.Id,
            Period = value.Period,
            UnitsOn = value.Period.End,
            PipelineJson = "{}",
            IsDemo = isDemo,
            CreatedBy = "test",
        };
        Db.IndexRuns.Add(run);
        await Db.SaveChangesAsync(CancellationToken);
        Db.IndexRunInputs.Add(new IndexRunInput { IndexRunId = run.Id, DataValueId = value.Id, Value = value.Value, ConcurrencyToken = value.ConcurrencyToken });
        Db.IndexRunScores.Add(new IndexRunScore { IndexRunId = run.Id, UnitId = value.UnitId, NodeCode = IndexRuns.IndexCode, Score = 50, Rank = 1 });
        await Db.SaveChangesAsync(CancellationToken);
        return run;
    }

    public sealed class OnSqlite() : DemoDataTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : DemoDataTests(StoreProvider.Postgres);
}
