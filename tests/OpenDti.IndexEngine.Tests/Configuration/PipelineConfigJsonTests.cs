using OpenDti.IndexEngine.Configuration;

namespace OpenDti.IndexEngine.Tests.Configuration;

public sealed class PipelineConfigJsonTests
{
    [Fact]
    public void FullFile_IsRead()
    {
        const string json = """
            {
              "denomination": { "I1": "Population" },
              "screening": { "minDataShare": 0.5 },
              "imputation": { "method": "groupMean", "group": "Group_Region" },
              "treatment": { "enabled": true, "maxWinsorisedPoints": 3 },
              "normalisation": { "method": "zScore", "mean": 10, "standardDeviation": 2 },
              "weights": { "equalPerLevel": true, "overrides": { "P1": 2 } },
              "aggregation": { "method": "median", "minChildShare": 0.5 },
              "uncertainty": { "weightPerturbation": 0.1, "normalisation": ["minMax", "rank"] }
            }
            """;

        var config = PipelineConfigJson.Parse(json);

        Assert.True(config.IsValid);
        Assert.Equal(ImputationMethod.GroupMean, config.Value.Imputation.Method);
        Assert.Equal(NormalisationMethod.ZScore, config.Value.Normalisation.Method);
        Assert.Equal(2, config.Value.Weights.Overrides["P1"]);
        Assert.Equal([NormalisationMethod.MinMax, NormalisationMethod.Rank], config.Value.Uncertainty.Normalisation);
    }

    [Fact]
    public void UnknownProperty_IsAProblemWithItsPath()
    {
        var config = PipelineConfigJson.Parse("""{ "normalisation": { "metod": "minMax" } }""");

        var problem = Assert.Single(config.Problems);
        Assert.Equal("config", problem.Source);
        Assert.Contains("metod", problem.Column ?? problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangeValues_AreAllReported()
    {
        var config = PipelineConfigJson.Parse("""{ "screening": { "minDataShare": 1.5 }, "normalisation": { "low": 5, "high": 1 } }""");

        Assert.Equal(["screening.minDataShare", "normalisation.high"], config.Problems.Select(p => p.Column));
    }

    [Fact]
    public void WrittenConfig_ReadsBackTheSame()
    {
        var config = PipelineConfig.Default with { Aggregation = new AggregationOptions { Method = AggregationMethod.Geometric } };

        var back = PipelineConfigJson.Parse(PipelineConfigJson.Write(config));

        Assert.Equal(AggregationMethod.Geometric, back.Value!.Aggregation.Method);
    }
}
