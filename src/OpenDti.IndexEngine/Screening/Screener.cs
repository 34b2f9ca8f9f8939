namespace OpenDti.IndexEngine.Screening;

/// <summary>Screening by data availability (COINr <c>Screen(unit_screen = "byNA", dat_thresh)</c>).</summary>
internal static class Screener
{
    /// <summary>
    /// The positions of the units to keep: those whose share of available indicators (non-missing, before imputation)
    /// is at least <paramref name="minShare"/>. Shares are compared as counts (available ≥ share × indicators, with a
    /// 1e-9 allowance) so that 2 of 3 passes a threshold of 2/3 written as 0.6667 or as 2.0/3.
    /// </summary>
    public static int[] Keep(IReadOnlyList<double[]> indicators, int unitCount, double minShare)
    {
        // counted column by column: each column is read front to back instead of one value from each per unit
        var available = new int[unitCount];
        foreach (var column in indicators)
        {
            for (var u = 0; u < unitCount; u++)
            {
                if (!double.IsNaN(column[u]))
                {
                    available[u]++;
                }
            }
        }

        var needed = minShare * indicators.Count - 1e-9;
        var keep = new List<int>(unitCount);
        for (var u = 0; u < unitCount; u++)
        {
            if (available[u] >= needed)
            {
                keep.Add(u);
            }
        }

        return [.. keep];
    }
}
