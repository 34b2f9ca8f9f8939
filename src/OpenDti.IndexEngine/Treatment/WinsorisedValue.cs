namespace OpenDti.IndexEngine.Treatment;

/// <summary>One value that outlier treatment winsorised.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="Before">Its value before treatment (after denomination and imputation).</param>
/// <param name="After">Its value after treatment: the next value inward, possibly after several rounds.</param>
public sealed record WinsorisedValue(string UnitCode, double Before, double After);
