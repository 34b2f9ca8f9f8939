using OpenDti.Domain.Geography;

namespace OpenDti.Domain.Tests.Geography;

/// <summary>
/// Re-expression on the real 2025 mergers. Every value here is a test number, not an official figure.
/// </summary>
public sealed class BoundaryReexpressionTests
{
    private const double Tolerance = 1e-9;

    private static readonly UnitCode PhuTho = new("25");
    private static readonly UnitCode VinhPhuc = new("26");
    private static readonly UnitCode HoaBinh = new("17");

    // X splits 40 : 60 into A and B; Y passes wholly into B
    private static readonly SuccessionLink[] SplitOfXIntoAAndB =
        [new(new("X"), new("A"), 0.4), new(new("X"), new("B"), 0.6), new(new("Y"), new("B"), 1)];

    [Fact]
    public void PhuTho_CountsAddUp()
    {
        var dossiers = Values(("25", 12_400), ("26", 9_800), ("17", 3_150));

        var result = BoundaryReexpression.Counts(SeedData.MergerLinks(), dossiers);

        // 12 400 + 9 800 + 3 150 = 25 350
        var phuTho = Single(result, "25");
        Assert.Equal(25_350, phuTho.Value);
        Assert.Equal([HoaBinh, PhuTho, VinhPhuc], phuTho.Predecessors);
        Assert.Equal(ReexpressionGap.None, phuTho.Gap);
    }

    [Fact]
    public void HoChiMinhCity_CountsAddUp()
    {
        var services = Values(("79", 1_520), ("74", 610), ("77", 455));

        var result = BoundaryReexpression.Counts(SeedData.MergerLinks(), services);

        // Hồ Chí Minh 79 + Bình Dương 74 + Bà Rịa - Vũng Tàu 77: 1 520 + 610 + 455 = 2 585
        Assert.Equal(2_585, Single(result, "79").Value);
    }

    [Fact]
    public void TuyenQuang_NewCodeRepeatsOldCode_TakesBothPredecessors()
    {
        var services = Values(("08", 300), ("02", 250));

        var result = BoundaryReexpression.Counts(SeedData.MergerLinks(), services);

        // new 08 = old 08 Tuyên Quang + old 02 Hà Giang: 300 + 250 = 550
        Assert.Equal(550, Single(result, "08").Value);
    }

    [Fact]
    public void UnchangedHaNoi_KeepsItsValue()
    {
        var services = Values(("01", 1_234.5));

        var result = BoundaryReexpression.Counts(SeedData.MergerLinks(), services);

        Assert.Equal(1_234.5, Single(result, "01").Value);
    }

    [Fact]
    public void PhuTho_RatioFromParts_DiffersFromMeanOfRatios()
    {
        // dossiers processed online / dossiers received
        var online = Values(("25", 900), ("26", 50), ("17", 30));
        var received = Values(("25", 1_000), ("26", 100), ("17", 300));

        var result = BoundaryReexpression.Ratios(SeedData.MergerLinks(), online, received, scale: 100);

        // parts first: 100 × (900 + 50 + 30) / (1 000 + 100 + 300) = 100 × 980 / 1 400 = 70 %;
        // the mean of the ratios would be (90 + 50 + 10) / 3 = 50 %, which ignores that Phú Thọ is ten times Vĩnh Phúc
        var phuTho = Single(result, "25");
        Assert.Equal(70, phuTho.Value!.Value, Tolerance);
        Assert.NotEqual(50, phuTho.Value.Value, Tolerance);
    }

    [Fact]
    public void RatioWithZeroDenominator_IsNullWithReason()
    {
        var online = Values(("25", 0), ("26", 0), ("17", 0));
        var received = Values(("25", 0), ("26", 0), ("17", 0));

        var result = BoundaryReexpression.Ratios(SeedData.MergerLinks(), online, received, scale: 100);

        var phuTho = Single(result, "25");
        Assert.Null(phuTho.Value);
        Assert.Equal(ReexpressionGap.ZeroDenominator, phuTho.Gap);
        Assert.Empty(phuTho.MissingPredecessors);
    }

    [Fact]
    public void RatioMissingOneDenominator_IsNullAndListsThePredecessor()
    {
        var online = Values(("25", 900), ("26", 50), ("17", 30));
        var received = Values(("25", 1_000), ("17", 300));

        var result = BoundaryReexpression.Ratios(SeedData.MergerLinks(), online, received, scale: 100);

        var phuTho = Single(result, "25");
        Assert.Null(phuTho.Value);
        Assert.Equal([VinhPhuc], phuTho.MissingPredecessors);
    }

    [Fact]
    public void MissingHoaBinh_GivesNoPartialSumAndListsIt()
    {
        var dossiers = Values(("25", 12_400), ("26", 9_800));

        var result = BoundaryReexpression.Counts(SeedData.MergerLinks(), dossiers);

        var phuTho = Single(result, "25");
        Assert.Null(phuTho.Value);
        Assert.Equal(ReexpressionGap.MissingValues, phuTho.Gap);
        Assert.Equal(["17"], phuTho.MissingPredecessors.Select(c => c.Value));
    }

    [Fact]
    public void All63OldProvinces_Give34ProvincesAndKeepTheNationalTotal()
    {
        // each old province reports 1 000 + its numeric code
        var values = SeedData.OldProvinces().ToDictionary(r => new UnitCode(r[0]), r => 1_000.0 + int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture));

        var result = BoundaryReexpression.Counts(SeedData.MergerLinks(), values);

        // 63 × 1 000 + (sum of the 63 codes = 3 108) = 66 108
        Assert.Empty(result.Problems);
        Assert.Equal(34, result.Values.Count);
        Assert.All(result.Values, v => Assert.Equal(ReexpressionGap.None, v.Gap));
        Assert.Equal(66_108, result.Values.Sum(v => v.Value!.Value));
        Assert.Equal(SeedData.NewProvinces().Select(r => r[0]).Order(StringComparer.Ordinal), result.Values.Select(v => v.Successor.Value));
    }

    [Fact]
    public void PhuThoScoresWithEqualWeights_AreTheirMean()
    {
        var scores = Values(("25", 0.60), ("26", 0.80), ("17", 0.40));

        var result = BoundaryReexpression.Scores(SeedData.MergerLinks(), scores, ScoreWeighting.Equal);

        // (0.60 + 0.80 + 0.40) / 3 = 1.80 / 3 = 0.60
        Assert.Equal(0.60, Single(result, "25").Value!.Value, Tolerance);
    }

    [Fact]
    public void PhuThoScoresWithPopulationWeights_LeanToTheLargerProvinces()
    {
        var scores = Values(("25", 0.60), ("26", 0.80), ("17", 0.40));
        // test weights in millions of people, not official population figures
        var weighting = ScoreWeighting.ByWeights("population (test numbers)", Values(("25", 1.5), ("26", 1.2), ("17", 0.9)));

        var result = BoundaryReexpression.Scores(SeedData.MergerLinks(), scores, weighting);

        // (1.5 × 0.60 + 1.2 × 0.80 + 0.9 × 0.40) / (1.5 + 1.2 + 0.9) = (0.90 + 0.96 + 0.36) / 3.6 = 2.22 / 3.6 = 0.61666…
        Assert.Equal(2.22 / 3.6, Single(result, "25").Value!.Value, Tolerance);
    }

    [Fact]
    public void ScoreWithoutWeight_IsNullAndListsThePredecessor()
    {
        var scores = Values(("25", 0.60), ("26", 0.80), ("17", 0.40));
        var weighting = ScoreWeighting.ByWeights("population (test numbers)", Values(("25", 1.5), ("17", 0.9)));

        var result = BoundaryReexpression.Scores(SeedData.MergerLinks(), scores, weighting);

        var phuTho = Single(result, "25");
        Assert.Null(phuTho.Value);
        Assert.Equal(ReexpressionGap.MissingWeights, phuTho.Gap);
        Assert.Equal([VinhPhuc], phuTho.MissingPredecessors);
    }

    [Fact]
    public void ScoresWithZeroTotalWeight_AreNullWithReason()
    {
        var scores = Values(("25", 0.60), ("26", 0.80), ("17", 0.40));
        var weighting = ScoreWeighting.ByWeights("population (test numbers)", Values(("25", 0), ("26", 0), ("17", 0)));

        var result = BoundaryReexpression.Scores(SeedData.MergerLinks(), scores, weighting);

        Assert.Equal(ReexpressionGap.ZeroTotalWeight, Single(result, "25").Gap);
    }

    [Fact]
    public void SplitUnit_SharesOutItsCounts()
    {
        var counts = Values(("X", 1_000), ("Y", 500));

        var result = BoundaryReexpression.Counts(SplitOfXIntoAAndB, counts);

        // A = 0.4 × 1 000 = 400; B = 0.6 × 1 000 + 1 × 500 = 1 100
        Assert.Equal([400.0, 1_100.0], result.Values.Select(v => v.Value!.Value));
    }

    [Fact]
    public void SplitUnit_WeighsItsScoreByShare()
    {
        var scores = Values(("X", 0.5), ("Y", 0.8));

        var result = BoundaryReexpression.Scores(SplitOfXIntoAAndB, scores, ScoreWeighting.Equal);

        // A has only X: 0.5; B = (0.6 × 0.5 + 1 × 0.8) / (0.6 + 1) = 1.1 / 1.6 = 0.6875
        Assert.Equal(0.5, result.Values[0].Value!.Value, Tolerance);
        Assert.Equal(0.6875, result.Values[1].Value!.Value, Tolerance);
    }

    [Fact]
    public void SplitSharesNotSummingToOne_GiveProblemsAndNoValues()
    {
        SuccessionLink[] links = [new(new("X"), new("A"), 0.4), new(new("X"), new("B"), 0.5)];

        var result = BoundaryReexpression.Counts(links, Values(("X", 1_000)));

        Assert.Empty(result.Values);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("succession.shares-do-not-sum-to-one", problem.Code);
        Assert.Equal("X", problem.Place.Field);
    }

    [Fact]
    public void NullValues_Throw()
    {
        var links = SeedData.MergerLinks();

        var thrown = Assert.Throws<ArgumentNullException>(() => BoundaryReexpression.Counts(links, null!));

        Assert.Equal("values", thrown.ParamName);
    }

    [Fact]
    public void NonFiniteValue_Throws()
    {
        var links = SeedData.MergerLinks();

        var thrown = Assert.Throws<ArgumentException>(() => BoundaryReexpression.Counts(links, Values(("25", double.NaN))));

        Assert.Equal("values", thrown.ParamName);
    }

    [Fact]
    public void NullLink_Throws()
    {
        SuccessionLink[] links = [new(PhuTho, PhuTho, 1), null!];

        var thrown = Assert.Throws<ArgumentNullException>(() => BoundaryReexpression.Counts(links, Values(("25", 1))));

        Assert.Equal("links", thrown.ParamName);
    }

    [Fact]
    public void NegativeWeight_Throws()
    {
        var weights = Values(("25", 1.5), ("26", -1.2));

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => ScoreWeighting.ByWeights("population (test numbers)", weights));

        Assert.Equal(-1.2, thrown.ActualValue);
    }

    private static Dictionary<UnitCode, double> Values(params (string Code, double Value)[] values) =>
        values.ToDictionary(v => new UnitCode(v.Code), v => v.Value);

    private static ReexpressedValue Single(ReexpressionResult result, string successor)
    {
        Assert.Empty(result.Problems);
        return Assert.Single(result.Values, v => v.Successor == new UnitCode(successor));
    }
}
