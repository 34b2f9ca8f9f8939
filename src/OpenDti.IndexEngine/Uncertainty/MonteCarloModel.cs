using System.Collections.Immutable;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Weighting;

namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>
/// The pipeline prepared for many evaluations: the data-dependent stages (imputation, treatment, normalisation) are
/// computed once per alternative, so that one evaluation only weights, aggregates and ranks.
/// A draw is a vector of uniforms: one per node weight, then one each for imputation, normalisation and aggregation.
/// </summary>
internal sealed class MonteCarloModel
{
    private readonly double[][][] _normalised;
    private readonly double[] _weights;
    private readonly double _perturbation;
    private readonly ImmutableArray<ImputationMethod> _imputations;
    private readonly ImmutableArray<NormalisationMethod> _normalisations;
    private readonly ImmutableArray<AggregationMethod> _aggregations;
    private readonly AggregationOptions _aggregation;

    public MonteCarloModel(PreparedData data, IndexMetadata meta, PipelineConfig config, int target)
    {
        Meta = meta;
        Target = target;
        UnitCount = data.Units.Length;
        var u = config.Uncertainty;
        _imputations = u.Imputation.IsDefaultOrEmpty ? [config.Imputation.Method] : u.Imputation;
        _normalisations = u.Normalisation.IsDefaultOrEmpty ? [config.Normalisation.Method] : u.Normalisation;
        _aggregations = u.Aggregation.IsDefaultOrEmpty ? [config.Aggregation.Method] : u.Aggregation;
        _perturbation = u.WeightPerturbation;
        _weights = WeightResolver.Resolve(meta, config.Weights);
        _aggregation = config.Aggregation;
        _normalised = new double[_imputations.Length * _normalisations.Length][][];
        for (var i = 0; i < _imputations.Length; i++)
        {
            for (var n = 0; n < _normalisations.Length; n++)
            {
                _normalised[(i * _normalisations.Length) + n] = StageColumns.Compute(data, meta, config, _imputations[i], _normalisations[n]).Normalised;
            }
        }

        var factors = new List<(string, int, int)>();
        if (_perturbation > 0)
        {
            factors.Add(("weights", 0, meta.Count));
        }

        AddIfVaried(factors, "imputation", _imputations.Length, meta.Count);
        AddIfVaried(factors, "normalisation", _normalisations.Length, meta.Count + 1);
        AddIfVaried(factors, "aggregation", _aggregations.Length, meta.Count + 2);
        Factors = [.. factors];
    }

    public IndexMetadata Meta { get; }

    public int Target { get; }

    public int UnitCount { get; }

    /// <summary>Length of one draw.</summary>
    public int Dimensions => Meta.Count + 3;

    /// <summary>The factors that vary: name and the range [Start, Start + Length) of the draw they own.</summary>
    public ImmutableArray<(string Name, int Start, int Length)> Factors { get; }

    /// <summary>Computes the target aggregate's scores for one draw into <paramref name="values"/>' target row.</summary>
    public void Evaluate(ReadOnlySpan<double> draw, double[][] values, double[] weights)
    {
        for (var n = 0; n < weights.Length; n++)
        {
            weights[n] = _weights[n] * (1 + (_perturbation * ((2 * draw[n]) - 1)));
        }

        var imputation = Pick(draw[Meta.Count], _imputations.Length);
        var normalisation = Pick(draw[Meta.Count + 1], _normalisations.Length);
        var aggregation = _aggregations[Pick(draw[Meta.Count + 2], _aggregations.Length)];
        var normalised = _normalised[(imputation * _normalisations.Length) + normalisation];
        for (var k = 0; k < Meta.Indicators.Length; k++)
        {
            values[Meta.Indicators[k]] = normalised[k];
        }

        Aggregation.Aggregator.Aggregate(Meta, values, weights, _aggregation with { Method = aggregation });
    }

    /// <summary>Node-value buffers for one worker: aggregate rows owned, indicator rows set per evaluation.</summary>
    public double[][] NewValues()
    {
        var values = new double[Meta.Count][];
        foreach (var a in Meta.AggregatesBottomUp)
        {
            values[a] = new double[UnitCount];
        }

        return values;
    }

    private static int Pick(double u, int count) => Math.Min((int)(u * count), count - 1);

    private static void AddIfVaried(List<(string, int, int)> factors, string name, int alternatives, int start)
    {
        if (alternatives > 1)
        {
            factors.Add((name, start, 1));
        }
    }
}
