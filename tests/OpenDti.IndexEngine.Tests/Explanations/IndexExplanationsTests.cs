using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Explanations;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Tests.Pipeline;
using static OpenDti.IndexEngine.Tests.TestSets;

namespace OpenDti.IndexEngine.Tests.Explanations;

public sealed class IndexExplanationsTests
{
    [Fact]
    public void Contributions_OfTheSmallSet()
    {
        // U3: effective weights I1, I2 = 1/2 · 1/2 = 0.25, I3 = 0.5; 0.25·66.67 + 0.25·33.33 + 0.5·100 = 75
        var (data, meta) = Small();
        var result = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!;

        var breakdown = IndexExplanations.Contributions(result, "U3");

        Assert.Equal([0.25, 0.25, 0.5], breakdown.Indicators.Select(c => c.EffectiveWeight));
        Assert.Equal(75, breakdown.Indicators.Sum(c => c.Contribution), 1e-9);
    }

    [Fact]
    public void Contributions_SumToTheScore_ForEveryProvince()
    {
        var (data, meta) = Dti();
        var result = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!;

        Assert.All(result.UnitCodes, unit =>
        {
            var b = IndexExplanations.Contributions(result, unit);
            Assert.Equal(b.Score, b.Indicators.Sum(c => c.Contribution), 1e-9);
        });
    }

    [Fact]
    public void Compare_DecomposesTheChangeOfScore()
    {
        var (data, meta) = Dti();
        var before = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!;
        var after = IndexPipeline.Run(data, meta, PipelineConfig.Default with { Weights = new WeightingOptions { EqualPerLevel = true } }).Value!;
        var unit = before.UnitCodes[5];

        var change = IndexExplanations.Compare(before, after, unit);

        Assert.Equal(change.ScoreAfter - change.ScoreBefore, change.Indicators.Sum(c => c.Change), 1e-9);
    }

    [Fact]
    public void WhatWouldMoveUp_SmallSet()
    {
        // U4 scores 25; lowest score above is 50 (U1, U2) → gap 25; I3 weight 0.5 → +50 (0 → 50); I2 weight 0.25 → +100 (0 → 100, the top of the scale); I1 is already at 100, so it cannot help
        var (data, meta) = Small();
        var result = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!;

        var moves = IndexExplanations.WhatWouldMoveUp(result, "U4");

        Assert.Equal(new Improvement("I3", 0, 50, 50, 2, 0, 5, 5), moves[0]);
        Assert.Equal(["I3", "I2"], moves.Select(m => m.Code));
    }

    [Fact]
    public void WhatWouldMoveUp_InRawUnits_InvertsMinMax()
    {
        // U4 (see WhatWouldMoveUp_SmallSet): I3 = 5, 5, 10, 0 → min-max over [0, 10], so normalised 50 is raw 5 (+5);
        // I2 = 10 … 40, lower is better → −x over [−40, −10], normalised 100 is −x = −10, raw 10 (40 → 10: −30)
        var (data, meta) = Small();
        var result = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!;

        var moves = IndexExplanations.WhatWouldMoveUp(result, "U4");

        Assert.Equal(["I3", "I2"], moves.Select(m => m.Code));
        Assert.Equal([0, 5, 5], [moves[0].CurrentRawValue, moves[0].RequiredRawValue!.Value, moves[0].RawChange!.Value], new ToleranceComparer(1e-9));
        Assert.Equal([40, 10, -30], [moves[1].CurrentRawValue, moves[1].RequiredRawValue!.Value, moves[1].RawChange!.Value], new ToleranceComparer(1e-9));
    }

    [Fact]
    public void WhatWouldMoveUp_InRawUnits_InvertsZScores()
    {
        // z-scores: sd(I1) = √(5/3), sd(I2) = 10 √(5/3), sd(I3) = √(50/3), mean(I3) = 5; P1 = (z1 + z2) / 2 = 0 for every unit,
        // so IDX = z3 / 2 and U4 trails U1 and U2 by 2.5 / sd(I3). I3 (weight 1/2) must reach z = 0: raw 5, its mean.
        // I1 (weight 1/4) must rise 10 / sd(I3) in z, 10 sd(I1) / sd(I3) = √10 raw: 4 + √10; I2, lower is better: 40 − 10 √10
        var (data, meta) = Small();
        var config = PipelineConfig.Default with { Normalisation = new NormalisationOptions { Method = NormalisationMethod.ZScore } };
        var result = IndexPipeline.Run(data, meta, config).Value!;

        var raw = IndexExplanations.WhatWouldMoveUp(result, "U4").ToDictionary(m => m.Code, m => m.RequiredRawValue!.Value);

        Assert.Equal(5, raw["I3"], 1e-9);
        Assert.Equal(4 + Math.Sqrt(10), raw["I1"], 1e-9);
        Assert.Equal(40 - (10 * Math.Sqrt(10)), raw["I2"], 1e-9);
    }

    [Theory]
    [InlineData(NormalisationMethod.Rank)]
    [InlineData(NormalisationMethod.PercentileRank)]
    public void WhatWouldMoveUp_InRawUnits_IsUnknownAfterRanks(NormalisationMethod method)
    {
        // a rank says which units are ahead, not by how much: no raw value can be read back from it
        var (data, meta) = Small();
        var result = IndexPipeline.Run(data, meta, PipelineConfig.Default with { Normalisation = new NormalisationOptions { Method = method } }).Value!;

        var moves = IndexExplanations.WhatWouldMoveUp(result, "U4");

        Assert.NotEmpty(moves);
        Assert.All(moves, m => Assert.Equal((null, null), (m.RequiredRawValue, m.RawChange)));
    }

    [Theory]
    [InlineData("full")]
    [InlineData("zscore")]
    [InlineData("goalposts")]
    [InlineData("target")]
    [InlineData("none")]
    public void RawScale_TakesEveryNormalisedValueBackToItsRawValue(string name)
    {
        // golden set: log-transformed (target), winsorised (full, zscore) and untreated indicators; a winsorised value maps
        // back to its cap, and a value clamped by goalposts or target cannot be told apart from the bound, so both are left out
        var (data, meta) = GoldenSet.Create();
        var result = IndexPipeline.Run(data, meta, GoldenSet.Configs().Single(c => c.Name == name).Config).Value!;

        for (var k = 0; k < meta.IndicatorCodes.Length; k++)
        {
            var winsorised = result.WinsorisedValues(meta.IndicatorCodes[k]).Select(w => w.UnitCode).ToHashSet();
            for (var u = 0; u < result.UnitCodes.Length; u++)
            {
                var normalised = result.Normalised.Columns[k][u];
                if (double.IsNaN(normalised) || winsorised.Contains(result.UnitCodes[u]) || normalised is <= 0 or >= 100 && name is "goalposts" or "target")
                {
                    continue;
                }

                Assert.Equal(result.Imputed.Columns[k][u], RawScale.ToRaw(result, k, normalised)!.Value, 1e-9 * Math.Max(1, Math.Abs(result.Imputed.Columns[k][u])));
            }
        }
    }

    [Theory]
    [InlineData(AggregationMethod.Arithmetic)]
    [InlineData(AggregationMethod.Geometric)]
    public void WhatWouldMoveUp_Works_WhenApplied(AggregationMethod method)
    {
        var (data, meta) = Dti();
        var config = PipelineConfig.Default with { Normalisation = new NormalisationOptions { Low = 1, High = 100 }, Aggregation = new AggregationOptions { Method = method } };
        var result = IndexPipeline.Run(data, meta, config).Value!;
        var unit = result.UnitCodes[result.Ranks["DTI"].IndexOf(20)];

        var move = IndexExplanations.WhatWouldMoveUp(result, unit)[0];

        var u = result.UnitIndex(unit);
        var node = result.Metadata.IndexOf[move.Code];
        var score = EffectiveWeights.ScoreWith(result, result.Metadata.Root, u, node, move.RequiredValue + 1e-9);
        Assert.True(result.Aggregated.Column("DTI").Count(s => s > score) < 19);
    }
}
