using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;

namespace OpenDti.Store.Seed;

/// <summary>
/// Generates the demo data set: deterministic, plausible values of every seeded measure for the 63
/// provinces in 2021–2024, and for the 34 provinces in 2025 as their predecessors' values re-expressed
/// on the new boundaries. Every value is flagged <see cref="DataValue.IsDemo"/>. Not official figures.
/// </summary>
internal static class DemoData
{
    public const string Source = "demo";

    public static IReadOnlyList<DataValue> Generate(
        DemoProfile profile,
        IReadOnlyList<Measure> measures,
        IReadOnlyList<ReportingUnit> oldProvinces,
        IReadOnlyList<ReportingUnit> newProvinces,
        IReadOnlyList<SuccessionLink> links,
        DateTime nowUtc)
    {
        CheckCoverage(profile, measures);
        var mergerYear = newProvinces.Min(u => u.ValidFrom!.Value.Year);
        var ordered = OrderPartsAfterWholes(profile);
        var measureByCode = measures.ToDictionary(m => m.Code.Value, StringComparer.Ordinal);
        var values = new List<DataValue>();

        // series[measure][unit] = the value per year, for every year of the profile (the merger year too,
        // as the value the old province would have had: it is what the new province is re-expressed from).
        var series = new Dictionary<string, Dictionary<UnitCode, double[]>>(StringComparer.Ordinal);
        foreach (var code in ordered)
        {
            var rule = profile.Measures[code];
            series[code] = oldProvinces.ToDictionary(
                u => u.Code,
                u => Draw(profile, rule, code, u.Code, rule.Of is null ? null : series[rule.Of][u.Code]));
        }

        foreach (var code in ordered)
        {
            var rule = profile.Measures[code];
            var measure = measureByCode[code];
            var lastYear = Math.Min(rule.LastYear ?? profile.LastYear, profile.LastYear);
            foreach (var unit in oldProvinces)
            {
                for (var year = profile.FirstYear; year <= Math.Min(lastYear, mergerYear - 1); year++)
                {
                    values.Add(Value(unit.Id, measure.Id, year, series[code][unit.Code][year - profile.FirstYear], nowUtc));
                }
            }

            if (lastYear < mergerYear)
            {
                continue;
            }

            var before = oldProvinces.ToDictionary(u => u.Code, u => series[code][u.Code][mergerYear - profile.FirstYear]);
            var result = measure.Aggregation == MeasureAggregation.Sum
                ? BoundaryReexpression.Counts(links, before)
                : BoundaryReexpression.Scores(links, before, ScoreWeighting.Equal); // demo only: rates averaged equally
            var newByCode = newProvinces.ToDictionary(u => u.Code);
            foreach (var reexpressed in result.Values)
            {
                values.Add(Value(newByCode[reexpressed.Successor].Id, measure.Id, mergerYear, Math.Round(reexpressed.Value!.Value, rule.Decimals), nowUtc));
            }
        }

        return values;
    }

    private static double[] Draw(DemoProfile profile, DemoRule rule, string measure, UnitCode unit, double[]? whole)
    {
        var random = new Random(StableSeed(profile.Seed, measure, unit.Value));
        var years = profile.LastYear - profile.FirstYear + 1;
        var result = new double[years];
        var level = Uniform(random, rule.Kind == DemoRuleKind.Part ? rule.Share! : rule.Base!);
        for (var i = 0; i < years; i++)
        {
            if (i > 0)
            {
                level = rule.Kind switch
                {
                    DemoRuleKind.Count => level * (1 + Uniform(random, rule.Growth!)),
                    _ => level + Uniform(random, rule.Gain!),
                };
                level = Math.Clamp(level, rule.Min ?? double.MinValue, rule.Max ?? double.MaxValue);
            }

            result[i] = rule.Kind == DemoRuleKind.Part
                ? Math.Round(whole![i] * Math.Min(level, rule.Max ?? 1), rule.Decimals)
                : Math.Round(level, rule.Decimals);
        }

        return result;
    }

    private static double Uniform(Random random, double[] range) => range[0] + (random.NextDouble() * (range[1] - range[0]));

    private static DataValue Value(int unitId, int measureId, int year, double value, DateTime nowUtc) => new()
    {
        UnitId = unitId,
        MeasureId = measureId,
        Period = Period.OfYear(year),
        Value = value,
        Source = Source,
        IsDemo = true,
        UpdatedAtUtc = nowUtc,
        ConcurrencyToken = Guid.NewGuid(),
    };

    // FNV-1a over the seed and the names: string.GetHashCode differs between runs.
    private static int StableSeed(int seed, string measure, string unit)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in $"{measure}|{unit}")
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)hash);
    }

    private static void CheckCoverage(DemoProfile profile, IReadOnlyList<Measure> measures)
    {
        var missing = measures.Select(m => m.Code.Value).Where(c => !profile.Measures.ContainsKey(c)).ToList();
        var unknown = profile.Measures.Keys.Where(c => measures.All(m => m.Code.Value != c)).ToList();
        var nested = profile.Measures.Where(r => r.Value.Of is { } of && profile.Measures.GetValueOrDefault(of)?.Kind != DemoRuleKind.Count).Select(r => r.Key).ToList();
        if (nested.Count > 0)
        {
            throw new InvalidOperationException($"Seed/demo/demo-profile.json: a part must be a part of a count: [{string.Join(", ", nested)}].");
        }

        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Seed/demo/demo-profile.json does not match the measures: no rule for [{string.Join(", ", missing)}]; rules for unknown [{string.Join(", ", unknown)}].");
        }
    }

    private static List<string> OrderPartsAfterWholes(DemoProfile profile) =>
        profile.Measures.Keys
            .OrderBy(code => profile.Measures[code].Of is null ? 0 : 1)
            .ThenBy(code => code, StringComparer.Ordinal)
            .ToList();
}
