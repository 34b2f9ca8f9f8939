using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Indicator columns in metadata indicator order, over the kept units. Never written: when nothing is denominated
    /// or screened out, a column is the caller's own immutable array, shared rather than copied.
    /// </summary>
    public double[][] Raw { get; }

    public string[]? Groups { get; }

    /// <summary>Share of kept units that have each indicator, before imputation.</summary>
    public double[] Availability { get; }

    public static PreparedData Prepare(IndexData data, IndexMetadata meta, PipelineConfig config)
    {
        var all = new double[meta.Indicators.Length][];
        for (var k = 0; k < all.Length; k++)
        {
            var code = meta.Nodes[meta.Indicators[k]].Code;
            var values = ImmutableCollectionsMarshal.AsArray(data.Columns[code])!;
            all[k] = config.Denomination.TryGetValue(code, out var d) ? Denominator.Divide(values, data.Columns[d].AsSpan()) : values;
        }

        var unitCount = data.UnitCodes.Length;
        var keep = Screener.Keep(all, unitCount, config.Screening.MinDataShare);
        var everyUnit = keep.Length == unitCount;
        var raw = everyUnit ? all : Array.ConvertAll(all, c => Select<double>(c, keep));
        var groups = config.Imputation.Group is { } g && data.Groups.TryGetValue(g, out var labels) ? Select(labels.AsSpan(), keep) : null;
        return new PreparedData(
            everyUnit ? data.UnitCodes : [.. Select(data.UnitCodes.AsSpan(), keep)],
            everyUnit ? [] : [.. ScreenedOutCodes(data.UnitCodes, keep)],
            raw,
            groups,
            Array.ConvertAll(raw, ShareAvailable));
    }

    private static T[] Select<T>(ReadOnlySpan<T> values, int[] keep)
    {
        var result = new T[keep.Length];
        for (var i = 0; i < keep.Length; i++)
        {
            result[i] = values[keep[i]];
        }

        return result;
    }

    private static IEnumerable<string> ScreenedOutCodes(ImmutableArray<string> units, int[] keep)
    {
        var kept = new HashSet<int>(keep);
        return Enumerable.Range(0, units.Length).Where(u => !kept.Contains(u)).Select(u => units[u]);
    }

    private static double ShareAvailable(double[] column)
    {
        var available = 0;
        foreach (var v in column)
        {
            if (!double.IsNaN(v))
            {
                available++;
            }
        }

        return column.Length == 0 ? 0 : available / (double)column.Length;
    }
}
