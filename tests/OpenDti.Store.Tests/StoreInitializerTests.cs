using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Store.Tests;

public abstract class StoreInitializerTests(StoreProvider provider) : StoreTest(provider)
{
    private static readonly DateOnly MergerDate = new(2025, 7, 1);

    [Fact]
    public async Task SecondStart_LeavesTheSeedOnce()
    {
        // The harness initialised the store when it created it; this is the app starting again.
        var initializer = new StoreInitializer(Db, TimeProvider.System);

        await initializer.InitializeAsync(includeDemo: false, CancellationToken);

        await using var db = Store.OpenContext();
        Assert.Equal(1, await db.Units.CountAsync(u => u.Level == UnitLevel.Nation, CancellationToken));
        Assert.Equal(63 + 34, await db.Units.CountAsync(u => u.Level == UnitLevel.Province, CancellationToken));
        Assert.Equal(63, await db.Successions.CountAsync(CancellationToken));
    }

    [Fact]
    public async Task StoreSeededBeforeTheShareOfOfficialsTrained_GetsItsPillarAndIndicatorOnStart()
    {
        // A store seeded before CT749 had the FOUNDATION pillar: its nodes and the seed record are not there.
        var version = await Db.FrameworkVersions.SingleAsync(v => v.Framework!.Code == "CT749", CancellationToken);
        await Db.FrameworkNodes.Where(n => n.FrameworkVersionId == version.Id && n.ParentId != null && n.Parent!.Code == new Domain.Frameworks.MeasureCode("FOUNDATION")).ExecuteDeleteAsync(CancellationToken);
        await Db.FrameworkNodes.Where(n => n.FrameworkVersionId == version.Id && n.Code == new Domain.Frameworks.MeasureCode("FOUNDATION")).ExecuteDeleteAsync(CancellationToken);
        await Db.SeedRecords.Where(r => r.Name == StoreInitializer.OfficialsTrainedShareSeedName).ExecuteDeleteAsync(CancellationToken);

        await new StoreInitializer(Db, TimeProvider.System).InitializeAsync(includeDemo: false, CancellationToken);

        await using var db = Store.OpenContext();
        var node = await db.FrameworkNodes.Include(n => n.Parent)
            .SingleAsync(n => n.FrameworkVersionId == version.Id && n.Code == new Domain.Frameworks.MeasureCode("OFFICIALS_TRAINED_SHARE"), CancellationToken);
        Assert.Equal(("OFFICIALS_TRAINED / OFFICIALS_TOTAL * 100", "FOUNDATION", "%"), (node.Expression, node.Parent?.Code.Value, node.UnitOfMeasure));
        Assert.Equal(1, await db.FrameworkNodes.CountAsync(n => n.FrameworkVersionId == version.Id && n.Code == new Domain.Frameworks.MeasureCode("FOUNDATION"), CancellationToken));
    }

    [Theory]
    [InlineData("2024-12-31", 63)]
    [InlineData("2025-06-30", 63)]
    [InlineData("2025-07-01", 34)]
    [InlineData("2026-01-01", 34)]
    public async Task ProvincesValidOn_Are63BeforeTheMergerAnd34From(string date, int expected)
    {
        var d = DateOnly.Parse(date, CultureInfo.InvariantCulture);

        var count = await Db.Units.CountAsync(
            u => u.Level == UnitLevel.Province && (u.ValidFrom == null || u.ValidFrom <= d) && (u.ValidTo == null || d <= u.ValidTo),
            CancellationToken);

        Assert.Equal(expected, count);
    }

    [Fact]
    public async Task PhuTho2025_MergesPhuThoVinhPhucAndHoaBinh()
    {
        var code = new UnitCode("25");

        var successions = await Db.Successions
            .Where(s => s.Successor!.Code == code && s.Successor.ValidFrom == MergerDate)
            .Select(s => new { Predecessor = s.Predecessor!.Code, s.Predecessor.Name, s.Kind, s.EffectiveDate })
            .ToListAsync(CancellationToken);

        Assert.Equal(["17", "25", "26"], successions.Select(s => s.Predecessor.Value).Order(StringComparer.Ordinal));
        Assert.Equal(["Tỉnh Hoà Bình", "Tỉnh Phú Thọ", "Tỉnh Vĩnh Phúc"], successions.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(successions, s => Assert.Equal(SuccessionKind.Merge, s.Kind));
        Assert.All(successions, s => Assert.Equal(MergerDate, s.EffectiveDate));
    }

    [Fact]
    public async Task HaNoi2025_ContinuesHaNoiAsARename()
    {
        var code = new UnitCode("01");

        var successions = await Db.Successions
            .Where(s => s.Successor!.Code == code && s.Successor.ValidFrom == MergerDate)
            .Select(s => new { Predecessor = s.Predecessor!.Code, s.Predecessor.ValidTo, s.Kind })
            .ToListAsync(CancellationToken);

        var only = Assert.Single(successions);
        Assert.Equal("01", only.Predecessor.Value);
        Assert.Equal(new DateOnly(2025, 6, 30), only.ValidTo);
        Assert.Equal(SuccessionKind.Rename, only.Kind);
    }

    public sealed class OnSqlite() : StoreInitializerTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : StoreInitializerTests(StoreProvider.Postgres);
}
