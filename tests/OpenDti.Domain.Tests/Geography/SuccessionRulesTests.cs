using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Tests.Geography;

public sealed class SuccessionRulesTests
{
    private static readonly DateOnly LastOldDay = SeedData.OldProvincesEnd;
    private static readonly DateOnly FirstNewDay = SeedData.NewProvincesStart;

    [Fact]
    public void SeedMergersOf2025_AreConsistent()
    {
        var successions = SeedSuccessions();

        var problems = SuccessionRules.Check(successions, "province-merger-2025.csv");

        Assert.Equal(63, successions.Count);
        Assert.Empty(problems);
    }

    [Fact]
    public void SeedMergerLinks_AreSound()
    {
        var links = SeedData.MergerLinks();

        var problems = SuccessionRules.CheckLinks(links);

        Assert.Empty(problems);
    }

    [Fact]
    public void OldAndNewTuyenQuang_ShareCodeButAreNotOneUnit()
    {
        var oldTuyenQuang = OldProvince("08", "Tỉnh Tuyên Quang");
        var newTuyenQuang = NewProvince("08", "Tỉnh Tuyên Quang");

        var problems = SuccessionRules.Check([(oldTuyenQuang, newTuyenQuang, Merge())]);

        Assert.Empty(problems);
    }

    [Fact]
    public void UnitSucceedingItself_IsReported()
    {
        var haNoi = OldProvince("01", "Thành phố Hà Nội");
        var sameHaNoi = OldProvince("01", "Thành phố Hà Nội");

        var problems = SuccessionRules.Check([(haNoi, sameHaNoi, Merge(effective: LastOldDay.AddDays(1)))]);

        Assert.Contains(problems, p => p.Code == "succession.succeeds-itself");
    }

    [Fact]
    public void EffectiveDateNotTheDayAfterTheEnd_IsReported()
    {
        var haGiang = OldProvince("02", "Tỉnh Hà Giang");
        var tuyenQuang = NewProvince("08", "Tỉnh Tuyên Quang", validFrom: new DateOnly(2025, 6, 12));

        var problems = SuccessionRules.Check([(haGiang, tuyenQuang, Merge(effective: new DateOnly(2025, 6, 12)))], "test");

        // the old province ends on 2025-06-30, so the successor must start on 2025-07-01
        var problem = Assert.Single(problems);
        Assert.Equal("succession.effective-date-mismatch", problem.Code);
        Assert.Equal(new ProblemPlace("test", Row: 1, Field: "02 → 08"), problem.Place);
        Assert.Equal("2025-06-12", problem.Found);
    }

    [Fact]
    public void SuccessorStartingOnAnotherDay_IsReported()
    {
        var haGiang = OldProvince("02", "Tỉnh Hà Giang");
        var tuyenQuang = NewProvince("08", "Tỉnh Tuyên Quang", validFrom: new DateOnly(2025, 8, 1));

        var problems = SuccessionRules.Check([(haGiang, tuyenQuang, Merge())]);

        var problem = Assert.Single(problems);
        Assert.Equal("succession.successor-start-mismatch", problem.Code);
        Assert.Equal("2025-08-01", problem.Found);
    }

    [Fact]
    public void PredecessorStillInForce_IsReported()
    {
        var haGiang = new ReportingUnit { Code = new("02"), Name = "Tỉnh Hà Giang", Level = UnitLevel.Province };
        var tuyenQuang = NewProvince("08", "Tỉnh Tuyên Quang");

        var problems = SuccessionRules.Check([(haGiang, tuyenQuang, Merge())]);

        Assert.Equal("succession.predecessor-not-ended", Assert.Single(problems).Code);
    }

    [Fact]
    public void SplitSharesSummingToNineTenths_AreReported()
    {
        var old = OldProvince("99", "Tỉnh Thử Nghiệm");
        var north = NewProvince("98", "Tỉnh Bắc Thử");
        var south = NewProvince("99", "Tỉnh Nam Thử");

        var problems = SuccessionRules.Check([(old, north, Split(0.4)), (old, south, Split(0.5))]);

        // 0.4 + 0.5 = 0.9, 0.1 short of 1
        var problem = Assert.Single(problems);
        Assert.Equal("succession.shares-do-not-sum-to-one", problem.Code);
        Assert.Equal("0.4 to 98 + 0.5 to 99 = 0.9", problem.Found);
    }

    [Fact]
    public void SplitSharesOffByRoundingOnly_AreAccepted()
    {
        SuccessionLink[] links = [new(new("X"), new("A"), 0.1), new(new("X"), new("B"), 0.2), new(new("X"), new("C"), 0.7)];

        var problems = SuccessionRules.CheckLinks(links);

        // in doubles 0.1 + 0.2 + 0.7 = 1.0000000000000002, within the 1e-9 tolerance
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.25)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ShareOutsideZeroToOne_IsReported(double share)
    {
        SuccessionLink[] links = [new(new("17"), new("25"), share)];

        var problems = SuccessionRules.CheckLinks(links);

        var problem = Assert.Single(problems);
        Assert.Equal("succession.share-out-of-range", problem.Code);
        Assert.Equal("17 → 25", problem.Place.Field);
    }

    [Fact]
    public void SameLinkTwice_IsReported()
    {
        SuccessionLink[] links = [new(new("17"), new("25"), 1), new(new("26"), new("25"), 1), new(new("17"), new("25"), 1)];

        var problems = SuccessionRules.CheckLinks(links);

        var problem = Assert.Single(problems);
        Assert.Equal("succession.duplicate-link", problem.Code);
        Assert.Equal(3, problem.Place.Row);
    }

    private static List<(ReportingUnit, ReportingUnit, Succession)> SeedSuccessions()
    {
        var oldUnits = SeedData.OldProvinces().ToDictionary(
            r => r[0],
            r => new ReportingUnit { Code = new(r[0]), Name = r[1], Level = UnitLevel.Province, ValidTo = SeedData.Date(r[3]) },
            StringComparer.Ordinal);
        var newUnits = SeedData.NewProvinces().ToDictionary(
            r => r[0],
            r => new ReportingUnit { Code = new(r[0]), Name = r[1], Level = UnitLevel.Province, ValidFrom = SeedData.Date(r[2]) },
            StringComparer.Ordinal);
        return [.. SeedData.Mergers().Select(r => (oldUnits[r[0]], newUnits[r[2]], Merge(effective: SeedData.Date(r[4]))))];
    }

    private static ReportingUnit OldProvince(string code, string name) =>
        new() { Code = new(code), Name = name, Level = UnitLevel.Province, ValidTo = LastOldDay };

    private static ReportingUnit NewProvince(string code, string name, DateOnly? validFrom = null) =>
        new() { Code = new(code), Name = name, Level = UnitLevel.Province, ValidFrom = validFrom ?? FirstNewDay };

    private static Succession Merge(DateOnly? effective = null) =>
        new() { EffectiveDate = effective ?? FirstNewDay, Share = 1, Kind = SuccessionKind.Merge, LegalBasis = "Nghị quyết 202/2025/QH15" };

    private static Succession Split(double share) =>
        new() { EffectiveDate = FirstNewDay, Share = share, Kind = SuccessionKind.Split };
}
