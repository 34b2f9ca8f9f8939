namespace OpenDti.IndexEngine.Tests;

/// <summary>Compares doubles within a stated absolute tolerance (NaN equals NaN).</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
