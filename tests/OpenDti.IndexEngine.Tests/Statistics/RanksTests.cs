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
}
