using System.Collections.Immutable;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Uncertainty;
using static OpenDti.IndexEngine.Tests.TestSets;

namespace OpenDti.IndexEngine.Tests.Uncertainty;

public sealed class UncertaintyAnalysisTests
{
    private static readonly PipelineConfig Varied = PipelineConfig.Default with
    {
        Uncertainty = new UncertaintyOptions
        {
            Normalisation = [NormalisationMethod.MinMax, NormalisationMethod.Rank],
            Aggregation = [AggregationMethod.Arithmetic, AggregationMethod.Geometric],
        },
    };

    [Fact]
    public void SameSeed_GivesTheSameResult_WhateverTheThreadCount()
    {
        var (data, meta) = Dti();

        var one = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(600, 42, MaxDegreeOfParallelism: 1)).Value!;
        var many = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(600, 42, MaxDegreeOfParallelism: 4)).Value!;

        Assert.Equal(one.Units, many.Units);
        Assert.Equal(one.Sensitivity, many.Sensitivity);
    }

    [Fact]
    public void OtherSeed_GivesOtherDraws()
    {
        var (data, meta) = Dti();

        var a = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(600, 1)).Value!;
        var b = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(600, 2)).Value!;

        Assert.NotEqual(a.Sensitivity, b.Sensitivity);
    }

    [Fact]
    public void RankIntervals_AreOrdered_AndNominalRanksMatchThePipeline()
    {
        var (data, meta) = Dti();

        var result = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(1000, 7)).Value!;

        // 3 factors (weights, normalisation, aggregation): n = ⌊1000 / 5⌋ = 200, 1000 evaluations
        Assert.Equal((200, 1000), (result.BaseSamples, result.Evaluations));
        Assert.All(result.Units, u => Assert.True(u.P05Rank <= u.MedianRank && u.MedianRank <= u.P95Rank));
        Assert.Equal(Enumerable.Range(1, 34), result.Units.Select(u => u.NominalRank!.Value).Order());
    }

    [Fact]
    public void SensitivityIndices_AreShares()
    {
        var (data, meta) = Dti();

        var result = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(2000, 11)).Value!;

        Assert.Equal(["weights", "normalisation", "aggregation"], result.Sensitivity.Select(s => s.Factor));
        // estimators are noisy but a total effect is near [0, 1] and not below the first order by much
        Assert.All(result.Sensitivity, s => Assert.InRange(s.TotalEffect, -0.05, 1.3));
        Assert.All(result.Sensitivity, s => Assert.True(s.TotalEffect >= s.FirstOrder - 0.15));
    }

    [Fact]
    public void OnlyFactor_ExplainsAllTheVariance()
    {
        // with one factor, f(A_B) = f(B), so Sₜ = (1/2n) Σ (f(A) − f(B))² / V ≈ 1
        var (data, meta) = Dti();

        var result = UncertaintyAnalysis.Run(data, meta, PipelineConfig.Default, new MonteCarloSettings(3000, 5)).Value!;

        var weights = Assert.Single(result.Sensitivity);
        Assert.InRange(weights.TotalEffect, 0.85, 1.15);
    }

    [Fact]
    public void NothingUncertain_IsAProblem()
    {
        var (data, meta) = Small();
        var config = PipelineConfig.Default with { Uncertainty = new UncertaintyOptions { WeightPerturbation = 0, Imputation = ImmutableArray<ImputationMethod>.Empty } };

        Assert.False(UncertaintyAnalysis.Run(data, meta, config, new MonteCarloSettings(100, 1)).IsValid);
    }

    [Fact]
    public void RankHistogram_QuantilesAreRType7()
    {
        // ranks 1, 2, 2, 4 → R quantile(c(1,2,2,4), c(.05,.5,.95)) = 1.15, 2, 3.7
        var histogram = new RankHistogram(4);
        foreach (var r in new[] { 1, 2, 2, 4 })
        {
            histogram.Add([r, 0, 0, 0]);
        }

        Assert.Equal((1.15, 2, 3.7), (Math.Round(histogram.Quantile(0, 0.05), 10), histogram.Quantile(0, 0.5), Math.Round(histogram.Quantile(0, 0.95), 10)));
    }
}
