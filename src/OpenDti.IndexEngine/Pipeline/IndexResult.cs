using System.Collections.Immutable;
using OpenDti.IndexEngine.Audit;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Treatment;

namespace OpenDti.IndexEngine.Pipeline;

/// <summary>Everything one run of the pipeline produced; immutable.</summary>
public sealed class IndexResult
{
    internal IndexResult(IndexMetadata metadata, PipelineConfig config, ImmutableArray<string> screenedOut, IndexTable imputed, IndexTable treated, IndexTable normalised, IndexTable aggregated, ImmutableArray<double> weights, ImmutableArray<IndicatorTreatment> treatments, AuditReport audit)
    {
        Metadata = metadata;
        Config = config;
        ScreenedOut = screenedOut;
        Imputed = imputed;
        Treated = treated;
        Normalised = normalised;
        Aggregated = aggregated;
        NodeWeights = weights;
        Treatments = treatments;
        Audit = audit;
        Ranks = metadata.AggregatesBottomUp
            .Select(a => (metadata.Nodes[a].Code, Ranks: Statistics.Ranks.DescendingSorted(aggregated.Columns[a].AsSpan())))
            .ToImmutableDictionary(p => p.Code, p => p.Ranks.Select(r => r == 0 ? (int?)null : r).ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>The metadata the run used.</summary>
    public IndexMetadata Metadata { get; }

    /// <summary>The configuration the run used.</summary>
    public PipelineConfig Config { get; }

    /// <summary>The units scored, in input order (screened units excluded).</summary>
    public ImmutableArray<string> UnitCodes => Aggregated.UnitCodes;

    /// <summary>Units removed by screening, in input order.</summary>
    public ImmutableArray<string> ScreenedOut { get; }

    /// <summary>Indicators after denomination and imputation (COINr dataset <c>Imputed</c>).</summary>
    public IndexTable Imputed { get; }

    /// <summary>Indicators after outlier treatment (COINr <c>Treated</c>).</summary>
    public IndexTable Treated { get; }

    /// <summary>Indicators after normalisation, direction applied: higher is better (COINr <c>Normalised</c>).</summary>
    public IndexTable Normalised { get; }

    /// <summary>Every node, metadata order: normalised indicators and aggregate scores (COINr <c>Aggregated</c>).</summary>
    public IndexTable Aggregated { get; }

    /// <summary>The weight of every node after equal weighting and overrides, metadata order (relative among siblings).</summary>
    public ImmutableArray<double> NodeWeights { get; }

    /// <summary>Per aggregate code, the rank of each unit (1 = best, ties share the best rank: 1, 2, 2, 4); null when the score is missing.</summary>
    public ImmutableDictionary<string, ImmutableArray<int?>> Ranks { get; }

    /// <summary>What outlier treatment did, per indicator.</summary>
    public ImmutableArray<IndicatorTreatment> Treatments { get; }

    /// <summary>Correlations, Cronbach's alpha, availability and treated points.</summary>
    public AuditReport Audit { get; }

    /// <summary>
    /// The values outlier treatment winsorised in indicator <paramref name="indicatorCode"/>, in unit order: those whose
    /// treated value differs from the imputed one (winsorisation only ever moves a value inward, so it never comes
    /// back to where it was). Empty when nothing was treated or the indicator was log-transformed instead.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such indicator.</exception>
    public ImmutableArray<WinsorisedValue> WinsorisedValues(string indicatorCode)
    {
        var before = Imputed.Column(indicatorCode);
        var after = Treated.Column(indicatorCode);
        if (Treatments[Imputed.Codes.IndexOf(indicatorCode)] is { LogTransformed: true } or { WinsorisedPoints: 0 })
        {
            return [];
        }

        var values = ImmutableArray.CreateBuilder<WinsorisedValue>();
        for (var u = 0; u < before.Length; u++)
        {
            if (!before[u].Equals(after[u]))
            {
                values.Add(new WinsorisedValue(UnitCodes[u], before[u], after[u]));
            }
        }

        return values.ToImmutable();
    }

    /// <summary>The score of <paramref name="unitCode"/> on node <paramref name="code"/> (NaN when missing).</summary>
    public double Score(string unitCode, string code) => Aggregated.Value(unitCode, code);

    /// <summary>The rank of <paramref name="unitCode"/> on aggregate <paramref name="code"/>; null when unranked.</summary>
    public int? Rank(string unitCode, string code) => Ranks[code][UnitIndex(unitCode)];

    internal int UnitIndex(string unitCode)
    {
        var u = UnitCodes.IndexOf(unitCode, StringComparer.Ordinal);
        return u >= 0 ? u : throw new KeyNotFoundException($"No unit '{unitCode}' in the result.");
    }
}
