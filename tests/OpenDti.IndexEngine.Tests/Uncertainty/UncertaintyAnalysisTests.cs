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

    [Theory]
    // 34 units: 30 runs keep every evaluation's ranks, 600 runs count ranks per unit
    [InlineData(30)]
    [InlineData(600)]
    public void SameSeed_GivesTheSameResult_WhateverTheThreadCount(int runs)
    {
        var (data, meta) = Dti();

        var one = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(runs, 42, MaxDegreeOfParallelism: 1)).Value!;
        var many = UncertaintyAnalysis.Run(data, meta, Varied, new MonteCarloSettings(runs, 42, MaxDegreeOfParallelism: 4)).Value!;

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

    [Theory]
    // 4 evaluations of 4 units: one rank per evaluation is kept (4 ≤ 4 + 1); 9 evaluations: counts per rank
    [InlineData(4)]
    [InlineData(9)]
    public void RankDistribution_QuantilesAreRType7_InEitherLayout(int evaluations)
    {
        // unit 0 ranked 1, 2, 2, 4 (unranked in any further evaluation) → R quantile(c(1,2,2,4), c(.05,.5,.95)) = 1.15, 2, 3.7
        var distribution = new RankDistribution(4, evaluations);
        int[] ranks = [1, 2, 2, 4];
        for (var e = evaluations - 1; e >= 0; e--)
        {
            distribution.Add(e, [e < ranks.Length ? ranks[e] : 0, 1, 0, 0]);
        }

        Assert.Equal([1.15, 2, 3.7], distribution.Quantiles(0, 0.05, 0.5, 0.95), new ToleranceComparer(1e-10));
        Assert.True(double.IsNaN(distribution.Quantiles(2, 0.5)[0]));
    }

    [Theory]
    // memory is units × min(evaluations, units + 1): linear in units for fixed runs, never units² beyond that
    [InlineData(3321, 600, 3321L * 600)]
    [InlineData(3321, 10_000, 3321L * 3322)]
    [InlineData(34, 10_000, 34L * 35)]
    public void RankDistribution_HoldsTheSmallerExactLayout(int units, int evaluations, long cells)
    {
        Assert.Equal(cells, new RankDistribution(units, evaluations).Cells);
    }
}
