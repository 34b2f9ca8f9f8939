using System.Collections.Immutable;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Denomination;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Screening;

namespace OpenDti.IndexEngine.Pipeline;

/// <summary>The data after denomination and screening: what every later step (and every Monte Carlo run) starts from.</summary>
internal sealed class PreparedData
{
    private PreparedData(ImmutableArray<string> units, ImmutableArray<string> screenedOut, double[][] raw, string[]? groups, double[] availability)
    {
        Units = units;
        ScreenedOut = screenedOut;
        Raw = raw;
        Groups = groups;
        Availability = availability;
    }

    public ImmutableArray<string> Units { get; }

    public ImmutableArray<string> ScreenedOut { get; }

    /// <summary>Indicator columns in metadata indicator order, over the kept units.</summary>
    public double[][] Raw { get; }

    public string[]? Groups { get; }

    /// <summary>Share of kept units that have each indicator, before imputation.</summary>
    public double[] Availability { get; }

    public static PreparedData Prepare(IndexData data, IndexMetadata meta, PipelineConfig config)
    {
        var all = meta.Indicators.Select(i =>
        {
            var code = meta.Nodes[i].Code;
            var values = data.Columns[code].AsSpan();
            return config.Denomination.TryGetValue(code, out var d) ? Denominator.Divide(values, data.Columns[d].AsSpan()) : values.ToArray();
        }).ToList();
        var keep = Screener.Keep(all, data.UnitCodes.Length, config.Screening.MinDataShare);
        var kept = new HashSet<int>(keep);
        var raw = all.Select(c => keep.Select(u => c[u]).ToArray()).ToArray();
        var groups = config.Imputation.Group is { } g && data.Groups.TryGetValue(g, out var labels)
            ? keep.Select(u => labels[u]).ToArray()
            : null;
        var availability = raw.Select(c => c.Length == 0 ? 0 : c.Count(v => !double.IsNaN(v)) / (double)c.Length).ToArray();
        return new PreparedData(
            [.. keep.Select(u => data.UnitCodes[u])],
            [.. Enumerable.Range(0, data.UnitCodes.Length).Where(u => !kept.Contains(u)).Select(u => data.UnitCodes[u])],
            raw,
            groups,
            availability);
    }
}
