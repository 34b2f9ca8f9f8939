using System.Collections.Immutable;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using static OpenDti.IndexEngine.Tests.TestSets;

namespace OpenDti.IndexEngine.Tests.Pipeline;

/// <summary>
/// A small fixed data set that reaches every branch of the pipeline, and the configurations whose full results
/// <see cref="GoldenResultsTests"/> compares with values captured before the engine was optimised.
/// </summary>
internal static class GoldenSet
{
    /// <summary>
    /// 12 provinces, 9 indicators in 3 pillars, P1 and P2 under a sub-index S1, S1 and P3 under IDX (4 levels);
    /// I2 and I8 lower is better; a few missing values; I4 and I5 with far outliers (winsorised, or
    /// log-transformed when no point may be winsorised); goalposts 0–100 and target 90 everywhere; three regions.
    /// </summary>
    public static (IndexData Data, IndexMetadata Meta) Create()
    {
        string[] units = ["01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19"];
        var nan = double.NaN;
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["I1"] = [12.5, 40, 33.25, 71, 55.5, nan, 18, 90, 64, 47.75, 29, 80.5],
            ["I2"] = [5, 15, 25, 12, 8, 30, 22, 3, 17, 11, nan, 9],
            ["I3"] = [60, 60, 72, 45, 88, 51, 60, 93, 39, 70, 66, 58],
            ["I4"] = [3, 4, 5, 6, 4.5, 5.5, 3.5, 6.5, 4, 5, 1000, 6],
            ["I5"] = [1, 1.2, 1.1, 1.3, 1, 1.4, 1.05, 2, 30, 400, 9000, 1.15],
            ["I6"] = [20, nan, 35, 42, 28, 33, 26, 47, 31, 38, 24, nan],
            ["I7"] = [0.5, 0.9, 0.7, 0.2, 0.8, 0.6, 0.65, 0.95, 0.3, 0.4, 0.75, 0.55],
            ["I8"] = [110, 95, 130, 87, 102, 99, 140, 76, 118, 91, 105, 123],
            ["I9"] = [7, 7, 7, 9, 6, 8, 7, 10, 5, 8, 9, 6],
        };
        var data = Data(units, columns) with
        {
            Groups = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add(
                "Group_Region",
                ["Bắc", "Bắc", "Bắc", "Bắc", "Bắc", "Trung", "Trung", "Trung", "Trung", "Nam", "Nam", "Nam"]),
        };
        var nodes = new List<IndexNode>();
        for (var i = 1; i <= 9; i++)
        {
            var pillar = $"P{((i - 1) / 3) + 1}";
            nodes.Add(Indicator($"I{i}", pillar) with
            {
                Weight = 1 + (i % 3),
                Direction = i is 2 or 8 ? -1 : 1,
                GoalpostLow = 0,
                GoalpostHigh = i is 4 or 5 ? 10_000 : 150,
                Target = 90,
            });
        }

        nodes.Add(Aggregate("P1", 2, "S1"));
        nodes.Add(Aggregate("P2", 2, "S1") with { Weight = 2 });
        nodes.Add(Aggregate("P3", 2, "IDX"));
        nodes.Add(Aggregate("S1", 3, "IDX") with { Weight = 1.5 });
        nodes.Add(Aggregate("IDX", 4, null));
        return (data, Meta([.. nodes]));
    }

    /// <summary>Named configurations covering every imputation, normalisation and aggregation method.</summary>
    public static IEnumerable<(string Name, PipelineConfig Config)> Configs()
    {
        var treat = new TreatmentOptions { Enabled = true };
        yield return ("full", PipelineConfig.Default with { Imputation = new() { Method = ImputationMethod.Mean }, Treatment = treat });
        yield return ("zscore", PipelineConfig.Default with
        {
            Treatment = treat,
            Normalisation = new() { Method = NormalisationMethod.ZScore, Mean = 10, StandardDeviation = 2 },
            Aggregation = new() { MinChildShare = 0.5 },
            Weights = new() { Overrides = ImmutableDictionary<string, double>.Empty.Add("P3", 2) },
        });
        yield return ("rank", PipelineConfig.Default with
        {
            Imputation = new() { Method = ImputationMethod.Median },
            Normalisation = new() { Method = NormalisationMethod.Rank },
            Aggregation = new() { Method = AggregationMethod.Geometric },
            Weights = new() { EqualPerLevel = true },
        });
        yield return ("percentile", PipelineConfig.Default with
        {
            Imputation = new() { Method = ImputationMethod.GroupMean, Group = "Group_Region" },
            Normalisation = new() { Method = NormalisationMethod.PercentileRank, Low = 1 },
            Aggregation = new() { Method = AggregationMethod.Harmonic },
        });
        yield return ("goalposts", PipelineConfig.Default with
        {
            Imputation = new() { Method = ImputationMethod.Mean },
            Normalisation = new() { Method = NormalisationMethod.Goalposts },
            Aggregation = new() { Method = AggregationMethod.Median },
        });
        yield return ("target", PipelineConfig.Default with
        {
            Screening = new() { MinDataShare = 0.9 },
            Treatment = treat with { MaxWinsorisedPoints = 0 },
            Normalisation = new() { Method = NormalisationMethod.DistanceToTarget },
        });
        yield return ("none", PipelineConfig.Default with { Normalisation = new() { Method = NormalisationMethod.None } });
    }

    /// <summary>The Monte Carlo configuration: every factor varied.</summary>
    public static PipelineConfig Uncertain { get; } = PipelineConfig.Default with
    {
        Imputation = new() { Method = ImputationMethod.Mean },
        Treatment = new TreatmentOptions { Enabled = true },
        Uncertainty = new UncertaintyOptions
        {
            Imputation = [ImputationMethod.Mean, ImputationMethod.Median],
            Normalisation = [NormalisationMethod.MinMax, NormalisationMethod.Rank],
            Aggregation = [AggregationMethod.Arithmetic, AggregationMethod.Geometric],
        },
    };
}
