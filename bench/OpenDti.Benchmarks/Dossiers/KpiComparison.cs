using System.Globalization;

namespace OpenDti.Benchmarks.Dossiers;

/// <summary>Our KPI file read back in DuckDB's row shape, and the value-for-value comparison of two sets of rows.</summary>
internal static class KpiComparison
{
    /// <summary>Our KPI file as rows of the same shape as DuckDB's.</summary>
    internal static List<DuckDbKpis.Row> ReadOurs(string path)
    {
        return File.ReadLines(path).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new DuckDbKpis.Row(f[0], f[1], L(f[2]), L(f[3]), D(f[4]), L(f[5]), L(f[6]), D(f[7]), L(f[8]), D(f[9]), D(f[10]), I(f[11]), I(f[12]), D(f[13]));
        }).ToList();

        static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);
        static int? I(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);
        static double? D(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
    }

    /// <summary>Every (unit, month) in one set and not the other, and every value that is not exactly equal.</summary>
    internal static List<string> Differences(IEnumerable<DuckDbKpis.Row> left, IEnumerable<DuckDbKpis.Row> right, string leftName, string rightName)
    {
        var a = left.ToDictionary(r => (r.UnitCode, r.Month));
        var b = right.ToDictionary(r => (r.UnitCode, r.Month));
        var differences = new List<string>();
        foreach (var key in a.Keys.Union(b.Keys))
        {
            if (!a.TryGetValue(key, out var x) || !b.TryGetValue(key, out var y))
            {
                differences.Add($"{key}: only in {(a.ContainsKey(key) ? leftName : rightName)}");
                continue;
            }

            if (x != y)
            {
                differences.Add($"{key}: {leftName} {x} | {rightName} {y}");
            }
        }

        return differences;
    }
}
