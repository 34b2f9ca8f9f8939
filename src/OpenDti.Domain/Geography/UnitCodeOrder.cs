namespace OpenDti.Domain.Geography;

/// <summary>Orders unit codes by ordinal comparison of their text, the stable order of results and sums.</summary>
internal sealed class UnitCodeOrder : IComparer<UnitCode>
{
    public static UnitCodeOrder Instance { get; } = new();

    public int Compare(UnitCode x, UnitCode y) => string.CompareOrdinal(x.Value, y.Value);
}
