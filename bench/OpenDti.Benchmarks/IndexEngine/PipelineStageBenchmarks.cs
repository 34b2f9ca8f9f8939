using BenchmarkDotNet.Attributes;
using OpenDti.IndexEngine.Aggregation;
using OpenDti.IndexEngine.Audit;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Weighting;

namespace OpenDti.Benchmarks.IndexEngine;

/// <summary>
/// The large pipeline of <see cref="IndexEngineBenchmarks"/> split by stage, each on the previous stages' output
/// computed once in setup: where the time goes, and what to work on next.
/// </summary>
[MemoryDiagnoser]
public class PipelineStageBenchmarks
{
    private static readonly PipelineConfig Full = PipelineConfig.Default with
    {
        Imputation = new ImputationOptions { Method = ImputationMethod.Mean },
        Treatment = new TreatmentOptions { Enabled = true },
    };

    private IndexData _data = null!;
    private IndexMetadata _meta = null!;
    private PreparedData _prepared = null!;
    private StageColumns _stages = null!;
    private double[] _weights = null!;
    private double[][] _values = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_data, _meta) = BenchData.Large();
        _prepared = PreparedData.Prepare(_data, _meta, Full);
        _stages = StageColumns.Compute(_prepared, _meta, Full, Full.Imputation.Method, Full.Normalisation.Method);
        _weights = WeightResolver.Resolve(_meta, Full.Weights);
        _values = _stages.NodeValues(_meta, _prepared.Units.Length);
        Aggregator.Aggregate(_meta, _values, _weights, Full.Aggregation);
    }

    [Benchmark]
    public object Checks() => PipelineChecks.Check(_data, _meta, Full);

    [Benchmark]
    public object DenominateAndScreen() => PreparedData.Prepare(_data, _meta, Full);

    [Benchmark]
    public object ImputeTreatNormalise() => StageColumns.Compute(_prepared, _meta, Full, Full.Imputation.Method, Full.Normalisation.Method);

    [Benchmark]
    public double[][] Aggregate()
    {
        Aggregator.Aggregate(_meta, _values, _weights, Full.Aggregation);
        return _values;
    }

    [Benchmark]
    public AuditReport Audit() => Auditor.Audit(_meta, _values, _prepared.Availability, _stages.Treatments);
}
