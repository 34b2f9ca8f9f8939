using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Pipeline;
using static OpenDti.IndexEngine.Tests.TestSets;

namespace OpenDti.IndexEngine.Tests.Pipeline;

/// <summary>
/// The DTI's own scoring (points per indicator, summing to the framework's maximum) as a pipeline
/// configuration: goalposts normalise each indicator to [0, maximum], the points are the weights, and the
/// weighted arithmetic mean then equals the points earned. The points here are test numbers, not official.
/// </summary>
public sealed class DtiPointsTests
{
    [Fact]
    public void PointsAsWeights_WithGoalpostsToTheMaximum_GiveThePointsEarned()
    {
        // Indicators A (300 points) and B (200) under P1 (500), C (500) under P2 (500); goalposts 0–100.
        // Unit U1: A = 50, B = 100, C = 20 → 300·0.5 + 200·1 + 500·0.2 = 150 + 200 + 100 = 450 points.
        // Unit U2: everything at the upper goalpost → 1,000 points.
        var meta = Meta(
            Aggregate("DTI", 3, null),
            Aggregate("P1", 2, "DTI") with { Weight = 500 },
            Aggregate("P2", 2, "DTI") with { Weight = 500 },
            Indicator("A", "P1") with { Weight = 300, GoalpostLow = 0, GoalpostHigh = 100 },
            Indicator("B", "P1") with { Weight = 200, GoalpostLow = 0, GoalpostHigh = 100 },
            Indicator("C", "P2") with { Weight = 500, GoalpostLow = 0, GoalpostHigh = 100 });
        var data = Data(["U1", "U2"], new() { ["A"] = [50, 100], ["B"] = [100, 100], ["C"] = [20, 100] });
        var points = PipelineConfig.Default with
        {
            Normalisation = new NormalisationOptions { Method = NormalisationMethod.Goalposts, Low = 0, High = 1000 },
        };

        var result = IndexPipeline.Run(data, meta, points).Value!;

        Assert.Equal(450, result.Score("U1", "DTI"), 1e-9);
        Assert.Equal(1000, result.Score("U2", "DTI"), 1e-9);

        // A pillar's score is its share of its own points, on the same 0–1,000 scale: P1 of U1 = (150 + 200) / 500 × 1,000.
        Assert.Equal(700, result.Score("U1", "P1"), 1e-9);
    }
}
