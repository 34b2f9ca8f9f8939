using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Treatment;

namespace OpenDti.IndexEngine.Tests.Steps;

public sealed class OutlierTreatmentTests
{
    // 1 … 18, 500, 1000: G1 = 3.444, G2 = 11.97 → fails (|G1| ≥ 2 and G2 ≥ 3.5)
    private static readonly double[] Skewed = [.. Enumerable.Range(1, 18).Select(i => (double)i), 500, 1000];

    [Fact]
    public void SkewedColumn_IsWinsorisedUntilItPasses()
    {
        // round 1: 1000 → 500 (G1 = 2.88, G2 = 7.01, still fails); round 2: both 500s → 18 (passes); 2 units treated
        var (values, report) = OutlierTreatment.Treat("I", Skewed, new TreatmentOptions { Enabled = true });

        Assert.Equal(2, report.WinsorisedPoints);
        Assert.False(report.LogTransformed);
        Assert.Equal([18, 18], values[^2..]);
    }

    [Fact]
    public void ColumnStillSkewedAfterMaxPoints_IsLogTransformedFromTheOriginal()
    {
        // a = 0.01 · (1000 − 1) = 9.99; ln(1 − 1 + 9.99) = 2.30158; ln(1000 − 1 + 9.99) = 6.91671
        var (values, report) = OutlierTreatment.Treat("I", Skewed, new TreatmentOptions { Enabled = true, MaxWinsorisedPoints = 1 });

        Assert.True(report.LogTransformed);
        Assert.Equal(0, report.WinsorisedPoints);
        Assert.Equal(2.3015845927, values[0], 1e-9);
        Assert.Equal(6.9167051095, values[^1], 1e-9);
    }

    [Fact]
    public void ColumnWithinThresholds_IsLeftAlone()
    {
        double[] values = [1, 2, 3, 10];

        var (treated, report) = OutlierTreatment.Treat("I", values, new TreatmentOptions { Enabled = true });

        Assert.Equal(values, treated);
        Assert.Equal(0, report.WinsorisedPoints);
    }
}
