using OpenDti.IndexEngine.Aggregation;
using OpenDti.IndexEngine.Configuration;

namespace OpenDti.IndexEngine.Tests.Steps;

public sealed class MeansTests
{
    [Theory]
    // values 10, 40 with weights 1, 3 (sum 4)
    // arithmetic: (10 + 120) / 4 = 32.5
    [InlineData(AggregationMethod.Arithmetic, 32.5)]
    // geometric: 10^(1/4) · 40^(3/4) = 1.77828 · 15.90541 = 28.28427
    [InlineData(AggregationMethod.Geometric, 28.2842712475)]
    // harmonic: 4 / (1/10 + 3/40) = 4 / 0.175 = 22.857142857
    [InlineData(AggregationMethod.Harmonic, 22.8571428571)]
    // median of 10, 40 = 25 (weights ignored)
    [InlineData(AggregationMethod.Median, 25)]
    public void WeightedMeans(AggregationMethod method, double expected)
    {
        Assert.Equal(expected, Means.Of(method, new double[] { 10, 40 }, [1, 3]), 1e-9);
    }

    [Theory]
    [InlineData(AggregationMethod.Geometric)]
    [InlineData(AggregationMethod.Harmonic)]
    public void ZeroChild_GivesZero(AggregationMethod method)
    {
        Assert.Equal(0, Means.Of(method, new double[] { 0, 40 }, [1, 1]));
    }

    [Fact]
    public void ZeroWeights_GiveMissing()
    {
        Assert.True(double.IsNaN(Means.Of(AggregationMethod.Arithmetic, new double[] { 5, 6 }, [0, 0])));
    }
}
