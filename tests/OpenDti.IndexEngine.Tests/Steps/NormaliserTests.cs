using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Normalisation;

namespace OpenDti.IndexEngine.Tests.Steps;

public sealed class NormaliserTests
{
    private static readonly double[] X = [2, 4, 6, 10, double.NaN];

    [Fact]
    public void MinMax_MapsToLowHigh()
    {
        // (x − 2) / 8 · 100
        Assert.Equal([0, 25, 50, 100, double.NaN], Normalise(X, 1, NormalisationMethod.MinMax));
    }

    [Fact]
    public void MinMax_WithNegativeDirection_PutsTheLowestValueOnTop()
    {
        // −x: −2 … −10; (−x + 10) / 8 · 100
        Assert.Equal([100, 75, 50, 0, double.NaN], Normalise(X, -1, NormalisationMethod.MinMax));
    }

    [Fact]
    public void ZScore_UsesSampleStandardDeviation()
    {
        // mean 5.5; Σd² = 12.25 + 2.25 + 0.25 + 20.25 = 35; sd = sqrt(35 / 3) = 3.41565; −3.5 / sd, 4.5 / sd
        var z = Normalise(X, 1, NormalisationMethod.ZScore);

        Assert.Equal(-1.0246950766, z[0], 1e-9);
        Assert.Equal(1.3174650985, z[3], 1e-9);
    }

    [Fact]
    public void Rank_AndPercentileRank()
    {
        // ranks 1..4; percentile (r − 1) / 3 · 100
        Assert.Equal([1, 2, 3, 4, double.NaN], Normalise(X, 1, NormalisationMethod.Rank));
        Assert.Equal(100 / 3.0, Normalise(X, 1, NormalisationMethod.PercentileRank)[1], 1e-9);
    }

    [Fact]
    public void Goalposts_AreTruncated()
    {
        // goalposts 3 and 8: (2 − 3)/5 → 0; (4 − 3)/5 = 0.2; (6 − 3)/5 = 0.6; (10 − 3)/5 → 1
        var n = Normaliser.Normalise(X, 1, new NormalisationOptions { Method = NormalisationMethod.Goalposts }, 3, 8, null);

        Assert.Equal([0, 20, 60, 100, double.NaN], n);
    }

    [Fact]
    public void Goalposts_WithNegativeDirection_MeasureDistanceFromTheUpperGoalpost()
    {
        // (8 − x) / 5: 2 → 1.2 → 1; 4 → 0.8; 6 → 0.4; 10 → −0.4 → 0
        var n = Normaliser.Normalise(X, -1, new NormalisationOptions { Method = NormalisationMethod.Goalposts }, 3, 8, null);

        Assert.Equal(new double[] { 100, 80, 40, 0 }, n[..4], new ToleranceComparer(1e-9));
    }

    [Fact]
    public void DistanceToTarget_IsCappedAtTheTarget()
    {
        // target 8, min 2: (x − 2) / 6 → 0, 1/3, 2/3, 1 (capped)
        var n = Normaliser.Normalise(X, 1, new NormalisationOptions { Method = NormalisationMethod.DistanceToTarget, High = 1 }, null, null, 8);

        Assert.Equal(new double[] { 0, 1 / 3.0, 2 / 3.0, 1 }, n[..4], new ToleranceComparer(1e-12));
    }

    private static double[] Normalise(double[] x, int direction, NormalisationMethod method) =>
        Normaliser.Normalise(x, direction, new NormalisationOptions { Method = method }, null, null, null);
}
