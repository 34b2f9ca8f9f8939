namespace OpenDti.Features.Maps;

/// <summary>
/// Quantile classes of the map's legend: each class holds about the same number of provinces, so a
/// few outliers do not leave most of the map one colour.
/// </summary>
public static class ScoreClasses
{
    /// <summary>How many classes the legend has; the palette in site.css has one colour for each.</summary>
    public const int Count = 5;

    /// <summary>
    /// The classes of <paramref name="scores"/>: class k runs from the (k−1)/5 to the k/5 quantile (linear
    /// interpolation between order statistics, R's type 7). Fewer when scores repeat; none without scores.
    /// </summary>
    public static IReadOnlyList<ScoreClass> Of(IEnumerable<double> scores)
    {
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        var bounds = Enumerable.Range(0, Count + 1).Select(k => Quantile(sorted, (double)k / Count)).ToArray();
        var classes = new List<ScoreClass>();
        for (var k = 0; k < Count; k++)
        {
            if (k > 0 && bounds[k + 1] <= bounds[k])
            {
                continue;
            }

            classes.Add(new ScoreClass(classes.Count + 1, bounds[k], bounds[k + 1]));
        }

        return classes;
    }

    /// <summary>The class a score falls in: the first whose upper bound it does not exceed.</summary>
    public static int ClassOf(IReadOnlyList<ScoreClass> classes, double score) =>
        (classes.FirstOrDefault(c => score <= c.To) ?? classes[^1]).Number;

    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}

/// <summary>A class of the legend: scores above the previous class's <see cref="To"/> up to and including this one's.</summary>
public sealed record ScoreClass(int Number, double From, double To);
