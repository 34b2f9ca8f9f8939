namespace OpenDti.IndexEngine.Denomination;

/// <summary>Denomination (COINr <c>Denominate</c>): an indicator divided by a column of the data, unit by unit.</summary>
internal static class Denominator
{
    /// <summary>x / d for each unit; a missing or zero denominator makes the value missing (no division by zero).</summary>
    public static double[] Divide(ReadOnlySpan<double> values, ReadOnlySpan<double> denominators)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var d = denominators[i];
            result[i] = double.IsNaN(d) || d == 0 ? double.NaN : values[i] / d;
        }

        return result;
    }
}
