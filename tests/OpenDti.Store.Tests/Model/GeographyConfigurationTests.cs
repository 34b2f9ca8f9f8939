using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Store.Tests.Model;

public abstract class GeographyConfigurationTests(StoreProvider provider) : StoreTest(provider)
{
    private const string DakLak = "Tỉnh Đắk Lắk";
    private static readonly DateOnly MergerDate = new(2025, 7, 1);

    [Fact]
    public async Task SeededName_ComesBackInNfcWithItsDiacritics()
    {
        var code = new UnitCode("66");

        var name = await Db.Units
            .Where(u => u.Code == code && u.ValidFrom == MergerDate)
            .Select(u => u.Name)
            .SingleAsync(CancellationToken);

        Assert.Equal(DakLak, name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task DecomposedName_IsStoredInNfc()
    {
        // The same name as some keyboards and pasted PDF text deliver it: base letters plus combining marks.
        var decomposed = DakLak.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(DakLak, decomposed);
        Db.Units.Add(new ReportingUnit { Code = new UnitCode("T66"), Name = decomposed, Level = UnitLevel.Province, ValidFrom = new DateOnly(2030, 1, 1) });

        await Db.SaveChangesAsync(CancellationToken);

        await using var db = Store.OpenContext();
        var stored = await db.Units.Where(u => u.Code == new UnitCode("T66")).Select(u => u.Name).SingleAsync(CancellationToken);
        Assert.Equal(DakLak, stored);
    }

    [Fact]
    public async Task SameCodeLaterValidFrom_IsAccepted()
    {
        Db.Units.Add(new ReportingUnit { Code = new UnitCode("25"), Name = "Tỉnh Phú Thọ", Level = UnitLevel.Province, ValidFrom = new DateOnly(2030, 1, 1) });

        await Db.SaveChangesAsync(CancellationToken);

        await using var db = Store.OpenContext();
        Assert.Equal(3, await db.Units.CountAsync(u => u.Code == new UnitCode("25"), CancellationToken));
    }

    [Fact]
    public async Task SameCodeAndValidFrom_IsRefused()
    {
        Db.Units.Add(new ReportingUnit { Code = new UnitCode("25"), Name = "Tỉnh Phú Thọ", Level = UnitLevel.Province, ValidFrom = MergerDate });

        await Assert.ThrowsAsync<DbUpdateException>(() => Db.SaveChangesAsync(CancellationToken));
    }

    [Fact]
    public async Task SecondUnitWithTheSameCodeAndNoStart_IsRefused()
    {
        // The old Hà Giang has no ValidFrom ("since before our records"); NULLs are distinct in the
        // (code, valid from) index, so a filtered index must catch this.
        Db.Units.Add(new ReportingUnit { Code = new UnitCode("02"), Name = "Tỉnh Hà Giang", Level = UnitLevel.Province, ValidTo = new DateOnly(2020, 1, 1) });

        await Assert.ThrowsAsync<DbUpdateException>(() => Db.SaveChangesAsync(CancellationToken));
    }

    public sealed class OnSqlite() : GeographyConfigurationTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : GeographyConfigurationTests(StoreProvider.Postgres);
}
