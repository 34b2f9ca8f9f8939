using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;

namespace OpenDti.Features.Frameworks;

/// <summary>
/// Measure values of old units re-expressed on the units that succeeded them, measure by measure, by
/// each measure's <see cref="MeasureAggregation"/>: counts add up (<see cref="BoundaryReexpression.Counts"/>),
/// scores are averaged with equal weights (<see cref="BoundaryReexpression.Scores"/>), measures that
/// cannot combine are left out. A successor lacking any predecessor's value gets no value for that
/// measure, never a partial one. Shared by a unit's indicator table and by index runs on new boundaries.
/// </summary>
internal static class MeasureReexpression
{
    /// <param name="links">The succession links from the old units to the new.</param>
    /// <param name="values">measure → predecessor → value.</param>
    /// <param name="aggregationOf">How each measure combines.</param>
    /// <returns>successor → measure → value; a value is demo when any predecessor's was.</returns>
    public static Dictionary<UnitCode, Dictionary<MeasureCode, MeasureValue>> Reexpress(
        IReadOnlyList<SuccessionLink> links,
        IReadOnlyDictionary<MeasureCode, Dictionary<UnitCode, MeasureValue>> values,
        IReadOnlyDictionary<MeasureCode, MeasureAggregation> aggregationOf)
    {
        var result = links.Select(l => l.Successor).Distinct().ToDictionary(s => s, _ => new Dictionary<MeasureCode, MeasureValue>());
        foreach (var (measure, byUnit) in values)
        {
            var inputs = byUnit.ToDictionary(v => v.Key, v => v.Value.Value);
            var combined = aggregationOf[measure] switch
            {
                MeasureAggregation.Sum => BoundaryReexpression.Counts(links, inputs),
                MeasureAggregation.WeightedMean => BoundaryReexpression.Scores(links, inputs, ScoreWeighting.Equal),
                _ => null,
            };
            foreach (var reexpressed in combined?.Values ?? [])
            {
                if (reexpressed.Value is { } value)
                {
                    var isDemo = reexpressed.Predecessors.Any(p => byUnit.TryGetValue(p, out var found) && found.IsDemo);
                    result[reexpressed.Successor][measure] = new MeasureValue(value, isDemo);
                }
            }
        }

        return result;
    }
}

/// <summary>A measure's value for one unit and period, and whether it is demo data.</summary>
internal readonly record struct MeasureValue(double Value, bool IsDemo);
