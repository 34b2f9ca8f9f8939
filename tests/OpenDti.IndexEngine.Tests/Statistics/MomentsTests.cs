using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Tests.Statistics;

public sealed class MomentsTests
{
    [Fact]
    public void StandardDeviation_DividesByNMinusOne()
    {
        // mean 2.5; Σd² = 2.25 + 0.25 + 0.25 + 2.25 = 5; sqrt(5 / 3) = 1.2909944
        Assert.Equal(1.2909944487, Moments.StandardDeviation([1, 2, 3, 4, double.NaN]), 1e-9);
    }

    [Fact]
    public void Skewness_IsType2LikeExcelSkew()
    {
        // x = 1, 2, 3, 10: mean 4, d = −3, −2, −1, 6; Σd² = 50, Σd³ = −27 − 8 − 1 + 216 = 180
        // g1 = sqrt(4)·180 / 50^1.5 = 1.0182; G1 = g1·sqrt(4·3) / 2 = 1.7636 (Excel SKEW gives 1.7636)
        Assert.Equal(1.7636326148, Moments.Skewness([1, 2, 3, 10]), 1e-9);
    }

    [Fact]
    public void Kurtosis_IsType2LikeExcelKurt()
    {
        // Σd⁴ = 81 + 16 + 1 + 1296 = 1394; r = 4·1394 / 50² = 2.2304
        // G2 = ((5)(2.2304 − 3) + 6)(3) / ((2)(1)) = (−3.848 + 6)·1.5 = 3.228
        Assert.Equal(3.228, Moments.Kurtosis([1, 2, 3, 10]), 1e-9);
    }

    [Fact]
    public void TooFewValues_GiveNaN()
    {
        Assert.True(double.IsNaN(Moments.Kurtosis([1, 2, 3])));
    }
}
