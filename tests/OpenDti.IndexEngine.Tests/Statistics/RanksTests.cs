using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Tests.Statistics;

public sealed class RanksTests
{
    [Fact]
    public void TiedScores_ShareTheBestRank()
    {
        var ranks = new int[5];

        Ranks.Descending([90, 80, 80, 70, double.NaN], ranks);

        Assert.Equal([1, 2, 2, 4, 0], ranks);
    }

    [Fact]
    public void RoundingNoise_IsATie()
    {
        var ranks = new int[3];

        Ranks.Descending([50, 49.99999999999999, 75], ranks);

        Assert.Equal([2, 2, 1], ranks);
        Assert.Equal([2, 2, 1], Ranks.DescendingSorted([50, 49.99999999999999, 75]));
    }

    [Fact]
    public void SortedRanking_AgreesWithTheDirectOne()
    {
        double[] scores = [3, 7, 7, double.NaN, 1, 7, 2];
        var direct = new int[scores.Length];

        Ranks.Descending(scores, direct);

        Assert.Equal(direct, Ranks.DescendingSorted(scores));
    }

    [Fact]
    public void AscendingMin_RanksLowestFirstWithTiesAtTheLowestRank()
    {
        // R: rank(c(5, 1, 5, 3), ties.method = "min") = 3 1 3 2
        Assert.Equal([3, 1, 3, 2, double.NaN], Ranks.AscendingMin([5, 1, 5, 3, double.NaN]));
    }

    [Fact]
    public void AscendingAverage_GivesTiesTheirMeanRank()
    {
        // R: rank(c(5, 1, 5, 3)) = 3.5 1 3.5 2
        Assert.Equal([3.5, 1, 3.5, 2], Ranks.AscendingAverage([5, 1, 5, 3]));
    }

    [Fact]
    public void LongColumns_AreRankedAsTheDefinitionSays()
    {
        // 600 values take the radix path (from 256): ties, negatives, −0 beside +0, extremes and subnormals.
        // By definition: min rank = 1 + #{xⱼ < xᵢ}; average rank = min rank + (#{xⱼ = xᵢ} − 1) / 2
        var random = new OpenDti.IndexEngine.Uncertainty.SplitMix64(3);
        double[] extremes = [-1e300, 1e300, double.Epsilon, -double.Epsilon, -0.0, 0.0];
        var values = Enumerable.Range(0, 600).Select(i => i < extremes.Length * 10 ? extremes[i % extremes.Length] : Math.Round((random.NextDouble() - 0.3) * 40, 1)).ToArray();

        var min = Ranks.AscendingMin(values);
        var average = Ranks.AscendingAverage(values);

        Assert.Equal(values.Select(x => 1.0 + values.Count(y => y < x)), min);
        Assert.Equal(values.Select(x => 1.0 + values.Count(y => y < x) + ((values.Count(y => y == x) - 1) / 2.0)), average);
    }

    [Fact]
    public void SortedRanking_AgreesWithTheDirectOne_OnALongColumnWithRoundingNoise()
    {
        // 700 scores (the bucket path): a few levels, each hit exactly, within the 1e-9 tie band or just outside it
        var random = new OpenDti.IndexEngine.Uncertainty.SplitMix64(11);
        double[] levels = [-250, -1, -0.5, 0, 0.5, 1, 49.5, 50, 1e6];
        double[] offsets = [0, 0, 1e-12, -1e-12, 5e-10, 3e-9];
        var scores = Enumerable.Range(0, 700).Select(i => i % 97 == 0 ? double.NaN : levels[(int)(random.NextDouble() * levels.Length)] * (1 + offsets[i % offsets.Length])).ToArray();
        var direct = new int[scores.Length];

        Ranks.Descending(scores, direct);

        Assert.Equal(direct, Ranks.DescendingSorted(scores));
    }
}
