using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Imputation;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Normalisation;
using OpenDti.IndexEngine.Treatment;

namespace OpenDti.IndexEngine.Pipeline;

/// <summary>The indicator columns after imputation, treatment and normalisation, for one choice of methods.</summary>
internal sealed record StageColumns(double[][] Imputed, double[][] Treated, double[][] Normalised, IndicatorTreatment[] Treatments)
{
    public static StageColumns Compute(PreparedData data, IndexMetadata meta, PipelineConfig config, ImputationMethod imputation, NormalisationMethod normalisation)
    {
        var count = meta.Indicators.Length;
        var imputed = new double[count][];
        var treated = new double[count][];
        var normalised = new double[count][];
        var treatments = new IndicatorTreatment[count];
        var normOptions = config.Normalisation with { Method = normalisation };
        for (var k = 0; k < count; k++)
        {
            var node = meta.Nodes[meta.Indicators[k]];
            imputed[k] = Imputer.Impute(data.Raw[k], imputation, data.Groups);
            (treated[k], treatments[k]) = OutlierTreatment.Treat(node.Code, imputed[k], config.Treatment);
            normalised[k] = Normaliser.Normalise(treated[k], node.Direction, normOptions, node.GoalpostLow, node.GoalpostHigh, node.Target);
        }

        return new StageColumns(imputed, treated, normalised, treatments);
    }

    /// <summary>Node-major values (values[node][unit]) with the indicator rows set to the normalised columns, aggregates empty.</summary>
    public double[][] NodeValues(IndexMetadata meta, int unitCount)
    {
        var values = new double[meta.Count][];
        for (var n = 0; n < meta.Count; n++)
        {
            values[n] = new double[unitCount];
        }

        for (var k = 0; k < meta.Indicators.Length; k++)
        {
            Normalised[k].CopyTo(values[meta.Indicators[k]], 0);
        }

        return values;
    }
}
