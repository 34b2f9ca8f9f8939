using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Treatment;

/// <summary>COINr's default outlier treatment: winsorise while skewed and heavy-tailed, else log-transform.</summary>
internal static class OutlierTreatment
{
    /// <summary>
    /// Fails when |G1| ≥ skew threshold and G2 ≥ kurtosis threshold; passes otherwise, including when the statistics
    /// are undefined (fewer than 4 values) — the negation of COINr <c>check_SkewKurt</c>'s pass rule.
    /// </summary>
    public static bool Fails(ReadOnlySpan<double> values, TreatmentOptions options) => Fails(Moments.Shape(values), options);

    /// <summary>
    /// Treats <paramref name="values"/>, which it never writes: a column that passes (or with treatment off) is returned
    /// as it is, otherwise a treated copy. Each round, while the column fails and fewer than
    /// <see cref="TreatmentOptions.MaxWinsorisedPoints"/> points are treated: with skewness ≥ 0 the highest value
    /// (all units tied at it) is set to the next-highest value, otherwise the lowest to the next-lowest. If the column
    /// still fails, winsorisation is undone and the original values are log-transformed (COINr <c>log_CT_plus</c>):
    /// ln(x − min + a) for positive skew, −ln(max + a − x) for negative, a = 0.01 (max − min).
    /// </summary>
    public static (double[] Values, IndicatorTreatment Report) Treat(string code, double[] values, TreatmentOptions options)
    {
        var (skew, kurt) = Moments.Shape(values);
        if (!options.Enabled || !Fails((skew, kurt), options))
        {
            return (values, new IndicatorTreatment(code, 0, false, skew, kurt, skew, kurt));
        }

        var result = (double[])values.Clone();
        var treated = new bool[result.Length];
        var count = 0;
        while (count < options.MaxWinsorisedPoints)
        {
            var shape = Moments.Shape(result);
            if (!Fails(shape, options))
            {
                break;
            }

            var high = shape.Skewness >= 0;
            var extreme = Extreme(result, high, double.NaN);
            var next = Extreme(result, high, extreme);
            if (double.IsNaN(next))
            {
                break;
            }

            for (var i = 0; i < result.Length; i++)
            {
                if (result[i] == extreme)
                {
                    result[i] = next;
                    if (!treated[i])
                    {
                        treated[i] = true;
                        count++;
                    }
                }
            }
        }

        var logged = false;
        if (Fails(result, options) && options.LogIfStillSkewed)
        {
            result = LogTransform(values, skew);
            count = 0;
            logged = true;
        }

        var (skewAfter, kurtAfter) = Moments.Shape(result);
        return (result, new IndicatorTreatment(code, count, logged, skew, kurt, skewAfter, kurtAfter));
    }

    /// <summary>COINr <c>log_CT_plus</c>, see <see cref="Treat"/>.</summary>
    public static double[] LogTransform(ReadOnlySpan<double> values, double skew)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        var a = 0.01 * (max - min);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = skew >= 0 ? Math.Log(values[i] - min + a) : -Math.Log(max + a - values[i]);
        }

        return result;
    }

    private static bool Fails((double Skewness, double Kurtosis) shape, TreatmentOptions options) =>
        Math.Abs(shape.Skewness) >= options.SkewThreshold && shape.Kurtosis >= options.KurtosisThreshold;

    /// <summary>The highest (or lowest) available value strictly beyond <paramref name="below"/>'s side; NaN if none.</summary>
    private static double Extreme(double[] values, bool high, double below)
    {
        var best = double.NaN;
        foreach (var v in values)
        {
            if (double.IsNaN(v) || (!double.IsNaN(below) && (high ? v >= below : v <= below)))
            {
                continue;
            }

            if (double.IsNaN(best) || (high ? v > best : v < best))
            {
                best = v;
            }
        }

        return best;
    }
}
