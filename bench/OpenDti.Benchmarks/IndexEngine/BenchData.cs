using System.Collections.Immutable;
using System.Globalization;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Uncertainty;

namespace OpenDti.Benchmarks.IndexEngine;

/// <summary>Synthetic, deterministic data sets: generated here, never committed.</summary>
internal static class BenchData
{
    /// <summary>The example: 34 units, 4 pillars (foundation, government, economy, society) of 3 indicators each.</summary>
    public static (IndexData Data, IndexMetadata Meta) Example() => Make(34, 4, 3, 2025);

    /// <summary>3,321 units (communes) × 200 indicators in 10 pillars of 20.</summary>
    public static (IndexData Data, IndexMetadata Meta) Large() => Make(3321, 10, 20, 2026);

    private static (IndexData, IndexMetadata) Make(int units, int pillars, int perPillar, ulong seed)
    {
        var random = new SplitMix64(seed);
        var codes = Enumerable.Range(1, units).Select(i => i.ToString("D5", CultureInfo.InvariantCulture)).ToArray();
        var nodes = new List<IndexNode>();
        var columns = ImmutableDictionary.CreateBuilder<string, ImmutableArray<double>>(StringComparer.Ordinal);
        for (var p = 0; p < pillars; p++)
        {
            var pillar = string.Create(CultureInfo.InvariantCulture, $"P{p}");
            for (var i = 0; i < perPillar; i++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"{pillar}_I{i}");
                nodes.Add(new IndexNode { Code = code, Level = 1, Parent = pillar, Type = NodeType.Indicator, Weight = 1 + (i % 3), Direction = i % 5 == 4 ? -1 : 1 });
                columns[code] = [.. codes.Select(_ => random.NextDouble() < 0.03 ? double.NaN : Math.Round(100 * random.NextDouble() * random.NextDouble(), 2))];
            }

            nodes.Add(new IndexNode { Code = pillar, Level = 2, Parent = "INDEX", Type = NodeType.Aggregate });
        }

        nodes.Add(new IndexNode { Code = "INDEX", Level = 3, Type = NodeType.Aggregate });
        var data = new IndexData { UnitCodes = [.. codes], UnitNames = [.. codes], Columns = columns.ToImmutable() };
        return (data, IndexMetadata.Create(nodes).Value!);
    }
}
