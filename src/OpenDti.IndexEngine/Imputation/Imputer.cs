using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Imputation;

/// <summary>Imputation of one indicator column (COINr <c>Impute</c> with <c>i_mean</c>, <c>i_median</c>, <c>i_mean_grp</c>).</summary>
internal static class Imputer
{
    /// <summary>
    /// <paramref name="values"/> with missing values filled in: by the column mean, the column median or the mean of
    /// the unit's group (<paramref name="groups"/>, one label per unit). With <see cref="ImputationMethod.None"/>, or
    /// when nothing is available to impute from, values stay missing. The input is never written: a column with nothing
    /// to fill (or <see cref="ImputationMethod.None"/>) is returned as it is, otherwise a filled copy.
    /// </summary>
    public static double[] Impute(double[] values, ImputationMethod method, IReadOnlyList<string>? groups)
    {
        if (method == ImputationMethod.None || !HasMissing(values))
        {
            return values;
        }

        switch (method)
        {
            case ImputationMethod.Mean:
                return Filled(values, Moments.Mean(values));
            case ImputationMethod.Median:
                return Filled(values, Descriptive.Median(values));
            case ImputationMethod.GroupMean:
                ArgumentNullException.ThrowIfNull(groups);
                var result = (double[])values.Clone();
                FillByGroup(result, groups);
                return result;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }

    private static bool HasMissing(double[] values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A copy of <paramref name="values"/> with <paramref name="value"/> for each missing one, copied and filled in one pass.</summary>
    private static double[] Filled(double[] values, double value)
    {
        var result = GC.AllocateUninitializedArray<double>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = double.IsNaN(values[i]) ? value : values[i];
        }

        return result;
    }

    private static void FillByGroup(double[] values, IReadOnlyList<string> groups)
    {
        var sums = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                sums.TryGetValue(groups[i], out var s);
                sums[groups[i]] = (s.Sum + values[i], s.Count + 1);
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) && sums.TryGetValue(groups[i], out var s))
            {
                values[i] = s.Sum / s.Count;
            }
        }
    }
}
