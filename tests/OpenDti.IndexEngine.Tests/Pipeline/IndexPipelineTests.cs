using System.Collections.Immutable;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Pipeline;
using static OpenDti.IndexEngine.Tests.TestSets;

namespace OpenDti.IndexEngine.Tests.Pipeline;

public sealed class IndexPipelineTests
{
    [Fact]
    public void SmallSet_ScoresAndRanksAsComputedByHand()
    {
        var (data, meta) = Small();

        var result = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!;

        // see TestSets.Small: IDX = 50, 50, 75, 25
        Assert.Equal([50, 50, 75, 25], result.Aggregated.Column("IDX"), new ToleranceComparer(1e-9));
        Assert.Equal([2, 2, 1, 4], result.Ranks["IDX"].Select(r => r!.Value));
    }

    [Fact]
    public void GeometricAggregation_ZeroPillarGivesZero()
    {
        // every level geometric: U3 P1 = sqrt(66.67 · 33.33) = 47.1405, IDX = sqrt(47.1405 · 100) = 68.6589;
        // U4: I2 = 0 → P1 = 0 → IDX = 0
        var (data, meta) = Small();
        var config = PipelineConfig.Default with { Aggregation = new AggregationOptions { Method = AggregationMethod.Geometric } };

        var index = IndexPipeline.Run(data, meta, config).Value!.Aggregated.Column("IDX");

        Assert.Equal(68.6589047969, index[2], 1e-9);
        Assert.Equal(0, index[3]);
    }

    [Fact]
    public void Overrides_ChangeTheWeights()
    {
        // P2 weight 3: IDX = (50 + 3·P2) / 4 → U3 = (50 + 300) / 4 = 87.5
        var (data, meta) = Small();
        var config = PipelineConfig.Default with { Weights = new WeightingOptions { Overrides = ImmutableDictionary<string, double>.Empty.Add("P2", 3) } };

        Assert.Equal(87.5, IndexPipeline.Run(data, meta, config).Value!.Score("U3", "IDX"), 1e-9);
    }

    [Fact]
    public void MissingValue_IsAggregatedOverAvailableChildren_UnlessBelowTheMinimumShare()
    {
        // U1 lacks I1: min-max of I1 over 2, 3, 4 → U2 0, U3 50, U4 100; U1's P1 = I2 only = 100
        var (_, meta) = Small();
        var data = Data(["U1", "U2", "U3", "U4"], new() { ["I1"] = [double.NaN, 2, 3, 4], ["I2"] = [10, 20, 30, 40], ["I3"] = [5, 5, 10, 0] });
        var strict = PipelineConfig.Default with { Aggregation = new AggregationOptions { MinChildShare = 1 } };

        Assert.Equal(100, IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!.Score("U1", "P1"), 1e-9);
        Assert.Null(IndexPipeline.Run(data, meta, strict).Value!.Rank("U1", "P1"));
    }

    [Fact]
    public void Screening_DropsUnitsWithTooLittleData()
    {
        // U1 has 1 of 3 indicators (33 %) < 50 %
        var (_, meta) = Small();
        var data = Data(["U1", "U2", "U3", "U4"], new() { ["I1"] = [double.NaN, 2, 3, 4], ["I2"] = [double.NaN, 20, 30, 40], ["I3"] = [5, 5, 10, 0] });
        var config = PipelineConfig.Default with { Screening = new ScreeningOptions { MinDataShare = 0.5 } };

        var result = IndexPipeline.Run(data, meta, config).Value!;

        Assert.Equal(["U1"], result.ScreenedOut);
        Assert.Equal(["U2", "U3", "U4"], result.UnitCodes);
    }

    [Fact]
    public void Denomination_DividesByTheDataColumn()
    {
        // I1 / Pop = 1/1, 2/4, 3/1, 4/8 = 1, 0.5, 3, 0.5 → imputed stage holds the ratios
        var (_, meta) = Small();
        var data = Data(["U1", "U2", "U3", "U4"], new() { ["I1"] = [1, 2, 3, 4], ["I2"] = [10, 20, 30, 40], ["I3"] = [5, 5, 10, 0], ["Pop"] = [1, 4, 1, 8] });
        var config = PipelineConfig.Default with { Denomination = ImmutableDictionary<string, string>.Empty.Add("I1", "Pop") };

        Assert.Equal([1, 0.5, 3, 0.5], IndexPipeline.Run(data, meta, config).Value!.Imputed.Column("I1"));
    }

    [Fact]
    public void IndicatorMissingFromTheData_IsAProblemOnItsMetadataRow()
    {
        var (_, meta) = Small();
        var data = Data(["U1", "U2"], new() { ["I1"] = [1, 2], ["I2"] = [1, 2] });

        var run = IndexPipeline.Run(data, meta, PipelineConfig.Default);

        var problem = Assert.Single(run.Problems);
        Assert.Equal(("metadata", 3, "iCode"), (problem.Source, problem.Row, problem.Column));
    }

    [Fact]
    public void OverridesSummingToZero_AreAProblem()
    {
        var (data, meta) = Small();
        var config = PipelineConfig.Default with { Weights = new WeightingOptions { Overrides = ImmutableDictionary<string, double>.Empty.Add("P1", 0).Add("P2", 0) } };

        var run = IndexPipeline.Run(data, meta, config);

        Assert.Contains(run.Problems, p => p.Message.Contains("'IDX'", StringComparison.Ordinal) && p.Message.Contains("sum to 0", StringComparison.Ordinal));
    }

    [Fact]
    public void GeometricAfterZScores_IsRefused()
    {
        var (data, meta) = Small();
        var config = PipelineConfig.Default with
        {
            Normalisation = new NormalisationOptions { Method = NormalisationMethod.ZScore },
            Aggregation = new AggregationOptions { Method = AggregationMethod.Geometric },
        };

        Assert.False(IndexPipeline.Run(data, meta, config).IsValid);
    }

    [Fact]
    public void DtiShapedSet_RanksAllProvinces()
    {
        var (data, meta) = Dti();

        var result = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!;

        Assert.Equal(34, result.UnitCodes.Length);
        Assert.Equal(Enumerable.Range(1, 34), result.Ranks["DTI"].Select(r => r!.Value).Order());
    }

    [Fact]
    public void WinsorisedValues_AreListedWithTheirValuesBeforeAndAfter()
    {
        // I1 = 1 … 18, 500, 1000: round 1 sets 1000 to 500, round 2 both 500s to 18 (see OutlierTreatmentTests)
        var (_, meta) = Small();
        var units = Enumerable.Range(1, 20).Select(i => $"U{i}").ToArray();
        var data = Data(units, new()
        {
            ["I1"] = [.. Enumerable.Range(1, 18).Select(i => (double)i), 500, 1000],
            ["I2"] = [.. Enumerable.Range(1, 20).Select(i => (double)(i % 7))],
            ["I3"] = [.. Enumerable.Range(1, 20).Select(i => (double)(i % 5))],
        });
        var config = PipelineConfig.Default with { Treatment = new TreatmentOptions { Enabled = true } };

        var result = IndexPipeline.Run(data, meta, config).Value!;

        Assert.Equal([new("U19", 500, 18), new("U20", 1000, 18)], result.WinsorisedValues("I1"));
        Assert.Empty(result.WinsorisedValues("I2"));
    }
}
