using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;
using OpenDti.Web.Tests.Cli;

namespace OpenDti.Web.Tests.Features.LoadTest;

/// <summary>
/// <c>loadtest prepare</c>, as bench/load/run.sh calls it, on the running app's store: the communes it adds, and
/// keys that enter their own commune's values through the API and nothing else.
/// </summary>
public abstract class LoadTestPrepareTests(OpenDtiApp app) : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"load-test-keys-{Guid.NewGuid():N}.csv");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        File.Delete(_keys);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task EachCommuneKey_EntersItsOwnCommuneOnly()
    {
        _ = app.Services;

        var result = await CliResult.RunAsync(
            "loadtest", "prepare", "--communes", "40", "--measures", "3", "--period", "2026", "--keys", _keys, "--db", app.ConnectionString);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        var keys = (await File.ReadAllLinesAsync(_keys, Cancel)).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal(40, keys.Count);
        Assert.All(keys.Values, k => Assert.StartsWith("odk_", k, StringComparison.Ordinal));
        await using (var db = app.OpenContext())
        {
            var communes = await db.Units.AsNoTracking().Include(u => u.Parent).Where(u => u.Level == UnitLevel.Commune).OrderBy(u => u.Code).ToListAsync(Cancel);
            Assert.Equal(40, communes.Count);
            Assert.Equal("Xã thử tải 0001", communes[0].Name);

            // Spread over the 34 provinces in code order: the 1st and the 35th under Hà Nội (01), the 34th under the last.
            Assert.Equal("01", communes[0].Parent!.Code.Value);
            Assert.Equal("01", communes[34].Parent!.Code.Value);
            Assert.Equal(34, communes.Select(c => c.ParentId).Distinct().Count());
        }

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", keys["LT0017"]);
        var own = await client.PutAsJsonAsync("/api/v1/datavalues", Batch("LT0017"), Cancel);
        var neighbour = await client.PutAsJsonAsync("/api/v1/datavalues", Batch("LT0018"), Cancel);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, neighbour.StatusCode);
        await using (var db = app.OpenContext())
        {
            var stored = await db.DataValues.AsNoTracking()
                .Join(db.Units, v => v.UnitId, u => u.Id, (v, u) => new { Unit = u.Code, v.Value, v.Source })
                .Where(v => v.Unit == new UnitCode("LT0017") || v.Unit == new UnitCode("LT0018"))
                .ToListAsync(Cancel);
            Assert.Equal([17001.0, 17002.0, 17003.0], stored.Select(v => v.Value).Order());
            Assert.All(stored, v => Assert.Equal(ValueSources.Api, v.Source));
        }
    }

    private static object[] Batch(string unit) =>
        [.. Enumerable.Range(1, 3).Select(m => new { unit, measure = $"LOAD_TEST_{m:D3}", period = "2026", value = (int.Parse(unit[2..], System.Globalization.CultureInfo.InvariantCulture) * 1000) + m })];

    [Collection(nameof(ConsoleCapture))]
    public sealed class OnSqlite(OpenDtiApp app) : LoadTestPrepareTests(app), IClassFixture<OpenDtiApp>;

    [Collection(nameof(ConsoleCapture))]
    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : LoadTestPrepareTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}

/// <summary><c>loadtest prepare</c> refuses a store in use, and a store prepared before.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class LoadTestPrepareRefusalTests : IDisposable
{
    private readonly TempSqliteFile _store = new("cli-loadtest");
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"load-test-keys-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        _store.Dispose();
        File.Delete(_keys);
    }

    [Fact]
    public async Task AStoreWithRealValues_IsRefused_AndNothingIsAdded()
    {
        await CliResult.RunAsync("units", "list", "--db", _store.ConnectionString);
        await using (var db = StoreConnection.CreateContext(_store.ConnectionString))
        {
            var unit = await db.Units.SingleAsync(u => u.Code == new UnitCode("01") && u.ValidTo == null, TestContext.Current.CancellationToken);
            var measure = await db.Measures.FirstAsync(TestContext.Current.CancellationToken);
            db.DataValues.Add(new DataValue { UnitId = unit.Id, MeasureId = measure.Id, Period = Period.Parse("2025"), Value = 1, Source = ValueSources.Form, UpdatedAtUtc = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), ConcurrencyToken = Guid.NewGuid() });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var result = await CliResult.RunAsync("loadtest", "prepare", "--communes", "2", "--measures", "2", "--period", "2026", "--keys", _keys, "--db", _store.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 values that are not demo data: prepare load tests on a throw-away store only", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_keys));
        await using var check = StoreConnection.CreateContext(_store.ConnectionString);
        Assert.False(await check.Units.AnyAsync(u => u.Level == UnitLevel.Commune, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ASecondRun_IsRefused()
    {
        var first = await CliResult.RunAsync("loadtest", "prepare", "--communes", "2", "--measures", "2", "--period", "2026", "--keys", _keys, "--db", _store.ConnectionString);

        var second = await CliResult.RunAsync("loadtest", "prepare", "--communes", "2", "--measures", "2", "--period", "2026", "--keys", _keys, "--db", _store.ConnectionString);

        Assert.True(first.ExitCode == 0, $"exit {first.ExitCode}: {first.Error}");
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already prepared", second.Error, StringComparison.Ordinal);
    }
}
