using OpenDti.IndexEngine.Aggregation;
using OpenDti.IndexEngine.Audit;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Problems;
using OpenDti.IndexEngine.Weighting;

namespace OpenDti.IndexEngine.Pipeline;

/// <summary>
/// The composite-index pipeline, in COINr's order: denominate, screen, impute, treat, normalise, weight, aggregate,
/// rank, audit. Pure: no I/O, no clock, no randomness.
/// </summary>
public static class IndexPipeline
{
    /// <summary>
    /// Runs the pipeline. Returns the problems instead when the inputs do not fit together: an indicator of the metadata
    /// that is not a column of the data, a denominator or group column that does not exist, goalposts or targets missing
    /// for the chosen normalisation, children whose weights sum to zero, a method needing positive values after a
    /// normalisation that can give negative ones, or no unit left after screening.
    /// </summary>
    public static Checked<IndexResult> Run(IndexData data, IndexMetadata meta, PipelineConfig config)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(config);
        var problems = PipelineChecks.Check(data, meta, config);
        if (problems.Count > 0)
        {
            return CheckedResult.Invalid<IndexResult>(problems);
        }

        var prepared = PreparedData.Prepare(data, meta, config);
        if (prepared.Units.IsEmpty)
        {
            return CheckedResult.Invalid<IndexResult>([new IndexProblem(IndexProblem.Config, null, "screening.minDataShare", "expected at least one unit left after screening; none has enough data")]);
        }

        var stages = StageColumns.Compute(prepared, meta, config, config.Imputation.Method, config.Normalisation.Method);
        var weights = WeightResolver.Resolve(meta, config.Weights);
        var values = stages.NodeValues(meta, prepared.Units.Length);
        Aggregator.Aggregate(meta, values, weights, config.Aggregation);

        var codes = meta.IndicatorCodes;
        return CheckedResult.Valid<IndexResult>(new IndexResult(
            meta,
            config,
            prepared.ScreenedOut,
            IndexTable.From(prepared.Units, codes, stages.Imputed),
            IndexTable.From(prepared.Units, codes, stages.Treated),
            IndexTable.From(prepared.Units, codes, stages.Normalised),
            IndexTable.From(prepared.Units, [.. meta.Nodes.Select(n => n.Code)], values),
            [.. weights],
            [.. stages.Treatments],
            Auditor.Audit(meta, values, prepared.Availability, stages.Treatments)));
    }
}
