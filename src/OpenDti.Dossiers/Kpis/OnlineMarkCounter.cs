using System.Text;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// Counts, in one more read of the file, the valid online rows of the (cell, full-online procedure) marks that
/// a replaced row left uncertain (<see cref="RepeatedDossiers"/>). Codes become this thread's small ids as the
/// accumulator's do; a code becomes a string once, when first seen.
/// </summary>
internal sealed class OnlineMarkCounter(KpiTable table, ProcedureCatalogue catalogue, HashSet<(int Cell, int FullOnline)> marks) : IDossierRowSink
{
    private readonly HashSet<int> _markProcedures = marks.Select(m => m.FullOnline).ToHashSet();
    private readonly CodeTable _units = new();
    private readonly CodeTable _procedures = new();
    private int[] _tableUnit = new int[64];
    private int[] _fullOnline = new int[64];

    public Dictionary<(int Cell, int FullOnline), long> Counts { get; } = [];

    public void BeginChunk(int chunk)
    {
    }

    public void OnRow(in DossierRow row, int lineInChunk)
    {
        if (row.Channel != Channel.Online)
        {
            return;
        }

        var procedure = _procedures.GetOrAdd(row.Procedure, out var newProcedure);
        if (newProcedure)
        {
            Grow(ref _fullOnline, procedure);
            _fullOnline[procedure] = catalogue.FullOnlineIndex.TryGetValue(Encoding.UTF8.GetString(row.Procedure), out var index) && _markProcedures.Contains(index) ? index : -1;
        }

        var fullOnline = _fullOnline[procedure];
        if (fullOnline < 0)
        {
            return;
        }

        var unit = _units.GetOrAdd(row.Unit, out var newUnit);
        if (newUnit)
        {
            Grow(ref _tableUnit, unit);
            _tableUnit[unit] = table.TryGetUnit(Encoding.UTF8.GetString(row.Unit), out var tableUnit) ? tableUnit : -1;
        }

        if (_tableUnit[unit] >= 0 && table.TryGetCell(_tableUnit[unit], LocalTime.MonthNumber(row.ReceivedAt), out var cell) && marks.Contains((cell, fullOnline)))
        {
            Counts[(cell, fullOnline)] = Counts.GetValueOrDefault((cell, fullOnline)) + 1;
        }
    }

    public void OnRejected(int lineInChunk, IReadOnlyList<(string Code, string Column, string Expected, string? Found)> problems, ReadOnlySpan<byte> raw)
    {
    }

    private static void Grow(ref int[] map, int id)
    {
        if (id == map.Length)
        {
            Array.Resize(ref map, id * 2);
        }
    }
}
