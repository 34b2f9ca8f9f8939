using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Store;
using OpenDti.Web.Tests.Cli;

namespace OpenDti.Web.Tests.Features.Geography;

/// <summary><c>units import --file communes.csv</c> against a fresh SQLite file, as a province's engineer types it.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class UnitImportCommandTests : IDisposable
{
    private readonly TempSqliteFile _store = new("cli-units-import");
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"communes-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        _store.Dispose();
        File.Delete(_csv);
    }

    [Fact]
    public async Task CommunesOfAProvince_AreAddedWithTheirVietnameseNames()
    {
        await File.WriteAllTextAsync(_csv, "code,name,level,parent_code,valid_from,name_en\n25001,Phường Việt Trì,commune,25,2025-07-01,Viet Tri\n25002,Xã Thanh Sơn,commune,25,2025-07-01,\n", new UTF8Encoding(true), TestContext.Current.CancellationToken);

        var result = await CliResult.RunAsync("units", "import", "--file", _csv, "--db", _store.ConnectionString);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains("added 2", result.Out, StringComparison.Ordinal);
        await using var db = StoreConnection.CreateContext(_store.ConnectionString);
        var communes = await db.Units.AsNoTracking().Include(u => u.Parent).Where(u => u.Level == UnitLevel.Commune).OrderBy(u => u.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Phường Việt Trì", "Xã Thanh Sơn"], communes.Select(c => c.Name));
        Assert.All(communes, c => Assert.Equal("Tỉnh Phú Thọ", c.Parent!.Name));
    }

    [Fact]
    public async Task ABadRow_Exits2_NamesTheRowAndColumn_AndAddsNothing()
    {
        await File.WriteAllTextAsync(_csv, "code,name,level,parent_code,valid_from\n25001,Phường Việt Trì,commune,25,2025-07-01\n25002,,commune,25,2025-07-01\n", TestContext.Current.CancellationToken);

        var result = await CliResult.RunAsync("units", "import", "--file", _csv, "--db", _store.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.GetFileName(_csv) + ", dòng / row 3, cột / column name: cần / expected tên 1–200 ký tự / a name of 1–200 characters", result.Error, StringComparison.Ordinal);
        Assert.Contains("1 problem(s); no unit was added", result.Error, StringComparison.Ordinal);
        await using var db = StoreConnection.CreateContext(_store.ConnectionString);
        Assert.False(await db.Units.AnyAsync(u => u.Level == UnitLevel.Commune, TestContext.Current.CancellationToken));
    }
}
