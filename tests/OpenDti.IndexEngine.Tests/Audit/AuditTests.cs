using OpenDti.IndexEngine.Audit;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Pipeline;
using static OpenDti.IndexEngine.Tests.TestSets;

namespace OpenDti.IndexEngine.Tests.Audit;

public sealed class AuditTests
{
    [Fact]
    public void CronbachAlpha_AsComputedByHand()
    {
        // var(1,2,3,4) = 1.6667; var(2,4,6,8) = 6.6667; total 3,6,9,12: var = 15
        // α = 2 / 1 · (1 − 8.3333 / 15) = 0.88889
        var alpha = Auditor.CronbachAlpha([[1, 2, 3, 4], [2, 4, 6, 8]]);

        Assert.Equal(8 / 9.0, alpha, 1e-12);
    }

    [Fact]
    public void ChildCorrelations_OfTheSmallSet()
    {
        // P2 = I3 exactly → r = 1 with its parent; I3 vs IDX (50, 50, 100, 0 vs 50, 50, 75, 25) → r = 1
        var (data, meta) = Small();

        var audit = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!.Audit;

        var i3 = audit.Aggregates.Single(a => a.Code == "P2").Children.Single();
        Assert.Equal(1, i3.PearsonWithParent, 1e-12);
        Assert.Equal(1, i3.SpearmanWithIndex, 1e-12);
    }

    [Fact]
    public void IndicatorAudit_ReportsAvailabilityAndTreatedPoints()
    {
        // I1 misses 1 of 4 → 0.75
        var (_, meta) = Small();
        var data = Data(["U1", "U2", "U3", "U4"], new() { ["I1"] = [double.NaN, 2, 3, 4], ["I2"] = [10, 20, 30, 40], ["I3"] = [5, 5, 10, 0] });

        var audit = IndexPipeline.Run(data, meta, PipelineConfig.Default).Value!.Audit;

        Assert.Equal(new IndicatorAudit("I1", 0.75, 0, false), audit.Indicators[0]);
    }
}
