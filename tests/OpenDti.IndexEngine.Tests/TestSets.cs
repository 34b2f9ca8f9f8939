using System.Collections.Immutable;
using OpenDti.IndexEngine.Model;

namespace OpenDti.IndexEngine.Tests;

/// <summary>
/// Data sets for the tests. <see cref="Small"/> is computed by hand in the tests; <see cref="Dti"/> has the shape of the
/// DTI (3 pillars and a foundation over the 34 provinces) with clearly synthetic values.
/// </summary>
internal static class TestSets
{
    /// <summary>
    /// Four units, I1 and I2 (I2 lower is better) under P1, I3 under P2, both pillars under IDX, weights 1.
    /// Min-max [0, 100]: I1 = 0, 33.3, 66.7, 100; I2 = 100, 66.7, 33.3, 0; I3 = 50, 50, 100, 0;
    /// P1 = 50 for all; P2 = I3; IDX = (P1 + P2) / 2 = 50, 50, 75, 25; ranks 2, 2, 1, 4.
    /// </summary>
    public static (IndexData Data, IndexMetadata Meta) Small() => (
        Data(["U1", "U2", "U3", "U4"], new() { ["I1"] = [1, 2, 3, 4], ["I2"] = [10, 20, 30, 40], ["I3"] = [5, 5, 10, 0] }),
        Meta(
            Indicator("I1", "P1"),
            Indicator("I2", "P1") with { Direction = -1 },
            Indicator("I3", "P2"),
            Aggregate("P1", 2, "IDX"),
            Aggregate("P2", 2, "IDX"),
            Aggregate("IDX", 3, null)));

    /// <summary>34 provinces; pillars GOV, ECO, SOC and foundation FND (3 indicators each) under DTI; synthetic values 0–100.</summary>
    public static (IndexData Data, IndexMetadata Meta) Dti(ulong seed = 2025)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SeedData", "provinces-34.csv");
        var codes = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToArray();
        var pillars = new[] { "FND", "GOV", "ECO", "SOC" };
        var nodes = new List<IndexNode>();
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var random = new OpenDti.IndexEngine.Uncertainty.SplitMix64(seed);
        foreach (var pillar in pillars)
        {
            for (var i = 1; i <= 3; i++)
            {
                var code = $"{pillar}{i}";
                nodes.Add(Indicator(code, pillar) with { Weight = i });
                columns[code] = [.. codes.Select(_ => Math.Round(100 * random.NextDouble() * random.NextDouble(), 2))];
            }

            nodes.Add(Aggregate(pillar, 2, "DTI") with { Weight = pillar == "FND" ? 1 : 2 });
        }

        nodes.Add(Aggregate("DTI", 3, null));
        return (Data(codes, columns), Meta([.. nodes]));
    }

    public static IndexData Data(string[] units, Dictionary<string, double[]> columns) => new()
    {
        UnitCodes = [.. units],
        UnitNames = [.. units.Select(u => "Tỉnh " + u)],
        Columns = columns.ToImmutableDictionary(p => p.Key, p => ImmutableArray.Create(p.Value), StringComparer.Ordinal),
    };

    public static IndexMetadata Meta(params IndexNode[] nodes)
    {
        var meta = IndexMetadata.Create(nodes);
        return meta.IsValid ? meta.Value : throw new InvalidOperationException(string.Join("; ", meta.Problems));
    }

    public static IndexNode Indicator(string code, string parent) => new() { Code = code, Level = 1, Parent = parent, Type = NodeType.Indicator };

    public static IndexNode Aggregate(string code, int level, string? parent) => new() { Code = code, Level = level, Parent = parent, Type = NodeType.Aggregate };
}
