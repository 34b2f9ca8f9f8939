using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>The estimators of <see cref="SensitivityIndex"/> (Saltelli et al. 2010, table 2: (b) for Sᵢ, (f) Jansen for Sₜᵢ).</summary>
internal static class SaltelliEstimators
{
    /// <summary>Indices of factor <paramref name="i"/> from outputs [f(A), f(B), f(A_B⁽¹⁾), …].</summary>
    public static SensitivityIndex Estimate(string name, double[][] outputs, int i)
    {
        var fa = outputs[0];
        var fb = outputs[1];
        var fab = outputs[2 + i];
        var n = fa.Length;
        var variance = Descriptive.Variance([.. fa, .. fb]);
        if (!(variance > 0))
        {
            return new SensitivityIndex(name, double.NaN, double.NaN);
        }

        double first = 0, total = 0;
        for (var j = 0; j < n; j++)
        {
            first += fb[j] * (fab[j] - fa[j]);
            total += (fa[j] - fab[j]) * (fa[j] - fab[j]);
        }

        return new SensitivityIndex(name, first / n / variance, total / (2.0 * n) / variance);
    }
}
