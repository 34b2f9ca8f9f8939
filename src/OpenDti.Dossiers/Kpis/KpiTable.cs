namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// The file's KPI state after reading: the threads' accumulators merged onto one numbering of units,
/// procedures and (unit, month) cells. The resolved dossiers' minutes stay in the accumulators' blocks,
/// read through each thread's cell map; removals (rows replaced by a later row of the same dossier) are
/// applied when the medians are taken.
/// </summary>
internal sealed class KpiTable
{
    private readonly Dictionary<string, int> _unitIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Unit, int Month), int> _cellIds = [];

    public List<string> Units { get; } = [];

    public List<int> CellUnit { get; } = [];

    public List<int> CellMonth { get; } = [];

    public List<CellCounts> Counts { get; } = [];

    /// <summary>Per cell, the full-online procedures (their catalogue index) with at least one online dossier.</summary>
    public List<ulong[]?> OnlineProcedures { get; } = [];

    /// <summary>Per thread, its minutes and the map from its cell ids to the table's.</summary>
    public List<(LongBlocks Minutes, int[] CellMap)> MinuteSources { get; } = [];

    /// <summary>Minutes to leave out of the medians: (cell, minute) → how many.</summary>
    public Dictionary<(int Cell, uint Minute), int> Removals { get; } = [];

    public static KpiTable Merge(IReadOnlyList<KpiAccumulator> accumulators)
    {
        var table = new KpiTable();
        foreach (var accumulator in accumulators)
        {
            var unitMap = new int[accumulator.Units.Count];
            for (var u = 0; u < unitMap.Length; u++)
            {
                unitMap[u] = table.UnitId(accumulator.Units.CodeOf(u));
            }

            var cellMap = new int[accumulator.CellCount];
            var counts = accumulator.Counts;
            for (var c = 0; c < cellMap.Length; c++)
            {
                var cell = table.CellId(unitMap[accumulator.UnitOf(c)], accumulator.MonthOf(c));
                cellMap[c] = cell;
                var merged = table.Counts[cell];
                merged.Add(counts[c]);
                table.Counts[cell] = merged;
                if (accumulator.OnlineProceduresOf(c) is { } bits)
                {
                    if (table.OnlineProcedures[cell] is { } into)
                    {
                        for (var word = 0; word < bits.Length; word++)
                        {
                            into[word] |= bits[word];
                        }
                    }
                    else
                    {
                        table.OnlineProcedures[cell] = bits;
                    }
                }
            }

            table.MinuteSources.Add((accumulator.Minutes, cellMap));
        }

        return table;
    }

    public bool TryGetUnit(string code, out int unit) => _unitIds.TryGetValue(code, out unit);

    public bool TryGetCell(int unit, int month, out int cell) => _cellIds.TryGetValue((unit, month), out cell);

    public void ClearOnline(int cell, int procedure)
    {
        if (OnlineProcedures[cell] is { } bits && procedure >> 6 < bits.Length)
        {
            bits[procedure >> 6] &= ~(1UL << procedure);
        }
    }

    private int UnitId(string code)
    {
        if (!_unitIds.TryGetValue(code, out var id))
        {
            _unitIds[code] = id = Units.Count;
            Units.Add(code);
        }

        return id;
    }

    private int CellId(int unit, int month)
    {
        if (!_cellIds.TryGetValue((unit, month), out var id))
        {
            _cellIds[(unit, month)] = id = Counts.Count;
            CellUnit.Add(unit);
            CellMonth.Add(month);
            Counts.Add(default);
            OnlineProcedures.Add(null);
        }

        return id;
    }
}
