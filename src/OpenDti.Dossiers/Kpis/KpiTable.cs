using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// The file's KPI state after reading: the threads' accumulators merged onto one numbering of units,
/// procedures and (unit, month) cells. The resolved dossiers' minutes stay in the accumulators' blocks,
/// read through each thread's cell map; the minutes of rows replaced by a later row of the same dossier are
/// listed apart and taken out when the medians are taken.
/// </summary>
internal sealed class KpiTable(ScratchSpace scratch)
{
    private readonly Dictionary<string, int> _unitIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Unit, int Month), int> _cellIds = [];

    public List<string> Units { get; } = [];

    public List<int> CellUnit { get; } = [];

    public List<int> CellMonth { get; } = [];

    public List<CellCounts> Counts { get; } = [];

    /// <summary>Per cell, the full-online procedures (their catalogue index) with at least one online dossier.</summary>
    public List<ulong[]?> OnlineProcedures { get; } = [];

    /// <summary>Where the minutes are sorted out when they do not fit in memory at once.</summary>
    public ScratchSpace Scratch => scratch;

    /// <summary>Per thread (in the accumulators' order), the map from its cell ids to the table's.</summary>
    public List<int[]> CellMaps { get; } = [];

    /// <summary>Every resolved dossier's minutes and cell: each thread's, read through its cell map, and the replaced rows' to take out.</summary>
    public List<MinuteSource> MinuteSources { get; } = [];

    /// <summary>The minutes of replaced rows, in the table's cells: (minutes &lt;&lt; 32) | cell.</summary>
    public LongBlocks RemovedMinutes { get; } = new(scratch, "removed-minutes");

    public static KpiTable Merge(IReadOnlyList<KpiAccumulator> accumulators, ScratchSpace scratch)
    {
        var table = new KpiTable(scratch);
        table.MinuteSources.Add(new MinuteSource(table.RemovedMinutes, CellMap: null, Removed: true));
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

            table.CellMaps.Add(cellMap);
            table.MinuteSources.Add(new MinuteSource(accumulator.Minutes, cellMap, Removed: false));
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

/// <summary>Resolved dossiers as (minutes &lt;&lt; 32) | cell, with the map from the cells to the table's (none: the table's own).</summary>
internal sealed record MinuteSource(LongBlocks Values, int[]? CellMap, bool Removed);
