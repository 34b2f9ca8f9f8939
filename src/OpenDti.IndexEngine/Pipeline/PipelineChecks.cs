using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Problems;
using OpenDti.IndexEngine.Weighting;

namespace OpenDti.IndexEngine.Pipeline;

/// <summary>The rules that join data, metadata and configuration; each broken rule is one problem.</summary>
internal static class PipelineChecks
{
    public static List<IndexProblem> Check(IndexData data, IndexMetadata meta, PipelineConfig config)
    {
        var problems = new List<IndexProblem>(PipelineConfigJson.Check(config));
        CheckData(data, problems);
        for (var i = 0; i < meta.Count; i++)
        {
            var node = meta.Nodes[i];
            if (node.Type == NodeType.Indicator && !data.Columns.ContainsKey(node.Code))
            {
                problems.Add(new IndexProblem(IndexProblem.Metadata, i + 1, "iCode", $"an indicator that is a column of the data; '{node.Code}' is not"));
            }
        }

        foreach (var (indicator, denominator) in config.Denomination)
        {
            if (!meta.IndexOf.TryGetValue(indicator, out var n) || meta.Nodes[n].Type != NodeType.Indicator)
            {
                problems.Add(Config("denomination." + indicator, $"an indicator of the metadata; '{indicator}' is not"));
            }

            if (!data.Columns.ContainsKey(denominator))
            {
                problems.Add(Config("denomination." + indicator, $"a column of the data as denominator; '{denominator}' is not"));
            }
        }

        CheckMethods(data, meta, config, problems);
        foreach (var code in config.Weights.Overrides.Keys.Where(c => !meta.IndexOf.ContainsKey(c)))
        {
            problems.Add(Config("weights.overrides." + code, $"a code of the metadata; '{code}' is not"));
        }

        var weights = WeightResolver.Resolve(meta, config.Weights);
        foreach (var code in WeightResolver.ZeroSums(meta, weights))
        {
            problems.Add(Config("weights", $"children of '{code}' whose weights sum to more than 0; they sum to 0"));
        }

        return problems;
    }

    private static void CheckData(IndexData data, List<IndexProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var u = 0; u < data.UnitCodes.Length; u++)
        {
            if (!seen.Add(data.UnitCodes[u]))
            {
                problems.Add(new IndexProblem(IndexProblem.Data, u + 1, "uCode", $"a unique unit code; '{data.UnitCodes[u]}' appears more than once"));
            }
        }

        foreach (var (code, column) in data.Columns)
        {
            if (column.Length != data.UnitCodes.Length)
            {
                problems.Add(new IndexProblem(IndexProblem.Data, null, code, $"one value per unit ({data.UnitCodes.Length}); found {column.Length}"));
                continue;
            }

            for (var u = 0; u < column.Length; u++)
            {
                if (double.IsInfinity(column[u]))
                {
                    problems.Add(new IndexProblem(IndexProblem.Data, u + 1, code, "a finite number or an empty cell; found infinity"));
                }
            }
        }
    }

    private static void CheckMethods(IndexData data, IndexMetadata meta, PipelineConfig config, List<IndexProblem> problems)
    {
        var imputations = config.Uncertainty.Imputation.Add(config.Imputation.Method);
        if (imputations.Contains(ImputationMethod.GroupMean) && (config.Imputation.Group is not { } group || !data.Groups.ContainsKey(group)))
        {
            problems.Add(Config("imputation.group", $"a group column of the data for groupMean; found '{config.Imputation.Group}'"));
        }

        var normalisations = config.Uncertainty.Normalisation.Add(config.Normalisation.Method);
        foreach (var i in meta.Indicators)
        {
            var node = meta.Nodes[i];
            if (normalisations.Contains(NormalisationMethod.Goalposts) && !(node.GoalpostLow < node.GoalpostHigh))
            {
                problems.Add(new IndexProblem(IndexProblem.Metadata, i + 1, "Goalpost_lo", $"goalposts with Goalpost_lo < Goalpost_hi for goalposts normalisation; '{node.Code}' has none"));
            }

            if (normalisations.Contains(NormalisationMethod.DistanceToTarget) && node.Target is null)
            {
                problems.Add(new IndexProblem(IndexProblem.Metadata, i + 1, "Target", $"a target for distance-to-target normalisation; '{node.Code}' has none"));
            }
        }

        var aggregations = config.Uncertainty.Aggregation.Add(config.Aggregation.Method);
        var needsPositive = aggregations.Any(a => a is AggregationMethod.Geometric or AggregationMethod.Harmonic);
        var mayBeNegative = normalisations.Any(n => n is NormalisationMethod.None or NormalisationMethod.ZScore) || config.Normalisation.Low < 0;
        if (needsPositive && mayBeNegative)
        {
            problems.Add(Config("aggregation.method", "a normalisation that gives values of 0 or more (minMax, rank, percentileRank, goalposts, distanceToTarget with low ≥ 0) for geometric or harmonic aggregation"));
        }
    }

    private static IndexProblem Config(string path, string message) => new(IndexProblem.Config, null, path, "expected " + message);
}
