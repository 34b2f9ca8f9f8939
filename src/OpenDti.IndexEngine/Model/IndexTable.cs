using System.Collections.Immutable;

namespace OpenDti.IndexEngine.Model;

/// <summary>
/// A units × columns table of numbers, stored by column. <see cref="double.NaN"/> means missing.
/// Every stage of the pipeline (imputed, treated, normalised, aggregated) is one of these.
/// </summary>
public sealed class IndexTable
{
    private readonly Dictionary<string, int> _columnIndex;

    /// <summary>Makes a table; each column must have one value per unit.</summary>
    public IndexTable(ImmutableArray<string> unitCodes, ImmutableArray<string> codes, ImmutableArray<ImmutableArray<double>> columns)
    {
        if (codes.Length != columns.Length)
        {
            throw new ArgumentException("One column per code is needed.", nameof(columns));
        }

        if (columns.Any(c => c.Length != unitCodes.Length))
        {
            throw new ArgumentException("Each column needs one value per unit.", nameof(columns));
        }

        UnitCodes = unitCodes;
        Codes = codes;
        Columns = columns;
        _columnIndex = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
        {
            _columnIndex.Add(codes[i], i);
        }
    }

    /// <summary>The units (rows), in input order.</summary>
    public ImmutableArray<string> UnitCodes { get; }

    /// <summary>The column codes, in metadata order.</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>The values, one array per column, one value per unit.</summary>
    public ImmutableArray<ImmutableArray<double>> Columns { get; }

    /// <summary>The column of <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public ImmutableArray<double> Column(string code) => Columns[_columnIndex[code]];

    /// <summary>Whether the table has a column <paramref name="code"/>.</summary>
    public bool HasColumn(string code) => _columnIndex.ContainsKey(code);

    /// <summary>The value of <paramref name="unitCode"/> in column <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column or unit.</exception>
    public double Value(string unitCode, string code)
    {
        var unit = UnitCodes.IndexOf(unitCode, StringComparer.Ordinal);
        if (unit < 0)
        {
            throw new KeyNotFoundException($"No unit '{unitCode}'.");
        }

        return Column(code)[unit];
    }

    internal static IndexTable From(ImmutableArray<string> units, IReadOnlyList<string> codes, IReadOnlyList<double[]> columns) =>
        // the pipeline hands over arrays it never touches again, so they are wrapped, not copied
        new(units, [.. codes], [.. columns.Select(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray)]);
}
