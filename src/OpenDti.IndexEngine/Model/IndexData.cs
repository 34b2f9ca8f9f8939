using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Model;

/// <summary>
/// The indicator-data table in COINr's shape: one row per unit (<c>uCode</c>, <c>uName</c>), optional
/// <c>Group_*</c> columns, and one numeric column per indicator (plus any denominator columns).
/// Missing values are <see cref="double.NaN"/>.
/// </summary>
public sealed record IndexData
{
    /// <summary>Unit codes (<c>uCode</c>), unique, in input order.</summary>
    public required ImmutableArray<string> UnitCodes { get; init; }

    /// <summary>Unit names (<c>uName</c>), one per unit.</summary>
    public required ImmutableArray<string> UnitNames { get; init; }

    /// <summary>Group columns by name (e.g. <c>Group_Region</c>), each with one label per unit.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Groups { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Numeric columns by code: indicators and denominators, one value per unit.</summary>
    public required ImmutableDictionary<string, ImmutableArray<double>> Columns { get; init; }
}
