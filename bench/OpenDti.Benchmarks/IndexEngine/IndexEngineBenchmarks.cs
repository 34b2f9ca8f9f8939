using BenchmarkDotNet.Attributes;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Uncertainty;

namespace OpenDti.Benchmarks.IndexEngine;

/// <summary>
/// The index engine's speed targets: full pipeline on the example well under 10 ms; 10,000 Monte Carlo replications
/// on the example under 1 s on 2 cores; full pipeline on 3,321 units × 200 indicators under 100 ms. The large Monte
/// Carlo run shows that memory stays linear in the units (its allocation is the figure to watch).
/// </summary>
[MemoryDiagnoser]
public class IndexEngineBenchmarks
{
    private static readonly PipelineConfig Full = PipelineConfig.Default with
    {
        Imputation = new ImputationOptions { Method = ImputationMethod.Mean },
        Treatment = new TreatmentOptions { Enabled = true },
        Uncertainty = new UncertaintyOptions
        {
            Imputation = [ImputationMethod.Mean, ImputationMethod.Median],
            Normalisation = [NormalisationMethod.MinMax, NormalisationMethod.Rank],
            Aggregation = [AggregationMethod.Arithmetic, AggregationMethod.Geometric],
        },
    };

    private IndexData _example = null!;
    private IndexMetadata _exampleMeta = null!;
    private IndexData _large = null!;
    private IndexMetadata _largeMeta = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_example, _exampleMeta) = BenchData.Example();
        (_large, _largeMeta) = BenchData.Large();
    }

    [Benchmark]
    public IndexResult PipelineExample() => IndexPipeline.Run(_example, _exampleMeta, Full).Value!;

    [Benchmark]
    public IndexResult PipelineLarge() => IndexPipeline.Run(_large, _largeMeta, Full).Value!;

    [Benchmark]
    public UncertaintyResult MonteCarloExample10000TwoCores() =>
        UncertaintyAnalysis.Run(_example, _exampleMeta, Full, new MonteCarloSettings(10_000, 42, MaxDegreeOfParallelism: 2)).Value!;

    [Benchmark]
    public UncertaintyResult MonteCarloLarge600TwoCores() =>
        UncertaintyAnalysis.Run(_large, _largeMeta, Full, new MonteCarloSettings(600, 42, MaxDegreeOfParallelism: 2)).Value!;
}
