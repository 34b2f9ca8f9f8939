using System.Globalization;
using System.Text;
using OpenDti.IndexEngine.Explanations;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Uncertainty;

namespace OpenDti.IndexEngine.Tests.Pipeline;

/// <summary>
/// Every number the engine produces for <see cref="GoldenSet"/> (stages, scores, ranks, treatment, audit, explanations,
/// Monte Carlo), compared with <c>Pipeline/golden-results.txt</c>, captured from the engine before it was optimised.
/// Tolerance: |actual − expected| ≤ 1e-12 · max(1, |expected|); NaN equals NaN.
/// To capture again after a deliberate change of results, set OPENDTI_GOLDEN_OUT to a file path, run, and copy it over.
/// </summary>
public sealed class GoldenResultsTests
{
    [Fact]
    public void EveryResult_MatchesTheCapturedValues()
    {
        var actual = Snapshot();
        if (Environment.GetEnvironmentVariable("OPENDTI_GOLDEN_OUT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, Format(actual));
        }

        var expected = Parse(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Pipeline", "golden-results.txt")));

        Assert.Equal(expected.Select(e => e.Key), actual.Select(a => a.Key));
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First.Values, p.Second.Values, new RelativeComparer(1e-12)));
    }

    private static List<(string Key, double[] Values)> Snapshot()
    {
        var (data, meta) = GoldenSet.Create();
        var rows = new List<(string, double[])>();
        foreach (var (name, config) in GoldenSet.Configs())
        {
            var result = IndexPipeline.Run(data, meta, config).Value!;
            foreach (var (stage, table) in new[] { ("imputed", result.Imputed), ("treated", result.Treated), ("normalised", result.Normalised), ("aggregated", result.Aggregated) })
            {
                rows.AddRange(table.Codes.Select((c, i) => ($"{name}/{stage}/{c}", table.Columns[i].ToArray())));
            }

            rows.AddRange(result.Ranks.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => ($"{name}/rank/{r.Key}", r.Value.Select(x => (double)(x ?? 0)).ToArray())));
            rows.AddRange(result.Treatments.Select(t => ($"{name}/treatment/{t.Code}", new[] { t.WinsorisedPoints, t.LogTransformed ? 1 : 0, t.SkewnessBefore, t.KurtosisBefore, t.SkewnessAfter, t.KurtosisAfter })));
            foreach (var a in result.Audit.Aggregates)
            {
                rows.Add(($"{name}/alpha/{a.Code}", [a.CronbachAlpha]));
                rows.AddRange(a.Children.Select(c => ($"{name}/correlation/{a.Code}/{c.Code}", new[] { c.PearsonWithParent, c.SpearmanWithParent, c.PearsonWithIndex, c.SpearmanWithIndex })));
            }

            rows.AddRange(result.Audit.Indicators.Select(i => ($"{name}/quality/{i.Code}", new[] { i.DataAvailability, i.WinsorisedPoints, i.LogTransformed ? 1 : 0 })));
            foreach (var unit in result.UnitCodes)
            {
                rows.Add(($"{name}/contributions/{unit}", [.. IndexExplanations.Contributions(result, unit).Indicators.Select(c => c.Contribution)]));
                rows.AddRange(IndexExplanations.WhatWouldMoveUp(result, unit).Select(m => ($"{name}/moveup/{unit}/{m.Code}", new[] { m.CurrentValue, m.RequiredValue, m.Increase, m.NewRank })));
            }
        }

        var mc = UncertaintyAnalysis.Run(data, meta, GoldenSet.Uncertain, new MonteCarloSettings(1200, 42, MaxDegreeOfParallelism: 2)).Value!;
        rows.AddRange(mc.Units.Select(u => ($"mc/ranks/{u.UnitCode}", new[] { u.NominalRank ?? 0, u.MedianRank, u.P05Rank, u.P95Rank })));
        rows.AddRange(mc.Sensitivity.Select(s => ($"mc/sensitivity/{s.Factor}", new[] { s.FirstOrder, s.TotalEffect })));
        return rows;
    }

    private static string Format(List<(string Key, double[] Values)> rows)
    {
        var text = new StringBuilder();
        foreach (var (key, values) in rows)
        {
            text.Append(key).Append('\t').AppendJoin(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }

    private static List<(string Key, double[] Values)> Parse(string[] lines) =>
    [
        .. lines.Where(l => l.Length > 0).Select(l =>
        {
            var parts = l.Split('\t');
            var values = parts[1].Length == 0 ? [] : parts[1].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return (parts[0], values);
        }),
    ];

    private sealed class RelativeComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) =>
            x.Equals(y) || Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
