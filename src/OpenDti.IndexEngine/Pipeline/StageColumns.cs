using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Imputation;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Normalisation;
using OpenDti.IndexEngine.Treatment;

namespace OpenDti.IndexEngine.Pipeline;

/// <summary>
/// The indicator columns after imputation, treatment and normalisation, for one choice of methods. A stage that leaves
/// a column unchanged (nothing to impute, nothing to treat) hands on the same array rather than a copy; no stage
/// writes its input, so the arrays can be shared by the immutable stage tables.
/// </summary>
internal sealed record StageColumns(double[][] Imputed, double[][] Treated, double[][] Normalised, IndicatorTreatment[] Treatments)
{
    /// <summary>Indicators are independent, so a large table runs them in parallel (<see cref="ColumnParallelism"/>).</summary>
    public static StageColumns Compute(PreparedData data, IndexMetadata meta, PipelineConfig config, ImputationMethod imputation, NormalisationMethod normalisation)
    {
        var count = meta.Indicators.Length;
        var imputed = new double[count][];
        var treated = new double[count][];
        var normalised = new double[count][];
        var treatments = new IndicatorTreatment[count];
        var normOptions = config.Normalisation with { Method = normalisation };
        ColumnParallelism.For(count, data.Units.Length, k =>
        {
            var node = meta.Nodes[meta.Indicators[k]];
            imputed[k] = Imputer.Impute(data.Raw[k], imputation, data.Groups);
            (treated[k], treatments[k]) = OutlierTreatment.Treat(node.Code, imputed[k], config.Treatment);
            normalised[k] = Normaliser.Normalise(treated[k], node.Direction, normOptions, node.GoalpostLow, node.GoalpostHigh, node.Target);
        });

        return new StageColumns(imputed, treated, normalised, treatments);
    }

    /// <summary>
    /// Node-major values (values[node][unit]): the indicator rows are the normalised columns themselves (aggregation
    /// reads them, never writes them), the aggregate rows new arrays to fill.
    /// </summary>
    public double[][] NodeValues(IndexMetadata meta, int unitCount)
    {
        var values = new double[meta.Count][];
        foreach (var a in meta.AggregatesBottomUp)
        {
            // aggregation writes every unit of every aggregate row, so the rows are not zeroed first
            values[a] = GC.AllocateUninitializedArray<double>(unitCount);
        }

        for (var k = 0; k < meta.Indicators.Length; k++)
        {
            values[meta.Indicators[k]] = Normalised[k];
        }

        return values;
    }
}
