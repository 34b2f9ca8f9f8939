using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Tests.Statistics;

public sealed class DescriptiveTests
{
    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_IsTheMiddleOrTheMeanOfTheTwoMiddleValues(double[] values, double expected)
    {
        Assert.Equal(expected, Descriptive.Median(values));
    }

    [Fact]
    public void Quantile_IsRType7()
    {
        // R: quantile(1:10, 0.05) = 1.45  (h = 9 · 0.05 = 0.45 → 1 + 0.45 · (2 − 1))
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(1.45, Descriptive.QuantileSorted(sorted, 0.05), 1e-12);
    }

    [Fact]
    public void Pearson_UsesPairwiseCompleteUnits()
    {
        // the NaN pair is left out; (1,2),(2,4),(3,7): x̄ = 2, ȳ = 4.333; Sxy = 5, Sxx = 2, Syy = 12.667; r = 5 / sqrt(25.333) = 0.99340
        Assert.Equal(0.9933992678, Descriptive.Pearson([1, 2, 3, 4], [2, 4, 7, double.NaN]), 1e-9);
    }

    [Fact]
    public void Spearman_IsOneForAnyIncreasingRelation()
    {
        Assert.Equal(1, Descriptive.Spearman([1, 2, 3, 4], [1, 8, 27, 1000]), 1e-12);
    }
}
