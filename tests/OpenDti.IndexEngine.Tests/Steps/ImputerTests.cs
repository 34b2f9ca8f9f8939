using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Imputation;

namespace OpenDti.IndexEngine.Tests.Steps;

public sealed class ImputerTests
{
    private static readonly double[] Values = [1, double.NaN, 3, 8, double.NaN];
    private static readonly string[] Regions = ["Bắc", "Bắc", "Nam", "Nam", "Trung"];

    [Theory]
    // mean of 1, 3, 8 = 4; median = 3
    [InlineData(ImputationMethod.Mean, 4)]
    [InlineData(ImputationMethod.Median, 3)]
    public void MissingValues_AreFilledFromTheColumn(ImputationMethod method, double expected)
    {
        var imputed = Imputer.Impute(Values, method, null);

        Assert.Equal([1, expected, 3, 8, expected], imputed);
    }

    [Fact]
    public void GroupMean_UsesTheUnitsGroup_AndLeavesAnEmptyGroupMissing()
    {
        // Bắc has only 1 → 1; Trung has nothing → stays missing
        var imputed = Imputer.Impute(Values, ImputationMethod.GroupMean, Regions);

        Assert.Equal([1, 1, 3, 8, double.NaN], imputed);
    }

    [Fact]
    public void None_LeavesValuesMissing()
    {
        Assert.Equal(Values, Imputer.Impute(Values, ImputationMethod.None, null));
    }
}
