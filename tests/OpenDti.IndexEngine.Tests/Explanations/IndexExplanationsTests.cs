using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Explanations;
using OpenDti.IndexEngine.Pipeline;
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

        Assert.Equal(new Improvement("I3", 0, 50, 50, 2), moves[0]);
        Assert.Equal(["I3", "I2"], moves.Select(m => m.Code));
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
