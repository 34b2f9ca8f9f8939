using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// Within one file a dossier counts once, as its last valid row says: the rows of a repeated id before
/// the last are taken back out of the merged table. Their counts are subtracted and their minutes
/// listed as removals for the medians. A full-online procedure's "online dossier" mark is a bit, not a
/// count, so it stays when the last row has the same unit, month and procedure and is online too (the
/// usual case: a new status); otherwise the caller counts the remaining online rows of that cell and
/// procedure in a third read (<see cref="UncertainMarks"/>).
/// </summary>
internal static class Replacements
{
    public sealed record Outcome(long ReplacedRows, HashSet<(int Chunk, int Line)> RemovedPositions, HashSet<(int Cell, int Procedure)> UncertainMarks);

    /// <param name="table"></param>
    /// <param name="rows">The rows of the repeated ids; sorted here in place (by id, then place in the file) rather than grouped into copies.</param>
    /// <param name="fullOnlineIndex"></param>
    public static Outcome Apply(KpiTable table, List<CollectedRow> rows, IReadOnlyDictionary<string, int>? fullOnlineIndex)
    {
        var removed = new HashSet<(int, int)>();
        var uncertain = new HashSet<(int, int)>();
        long replaced = 0;
        rows.Sort(static (a, b) =>
        {
            var byId = string.CompareOrdinal(a.Id, b.Id);
            return byId != 0 ? byId : a.Chunk != b.Chunk ? a.Chunk.CompareTo(b.Chunk) : a.LineInChunk.CompareTo(b.LineInChunk);
        });
        for (var start = 0; start < rows.Count;)
        {
            var end = start + 1;
            while (end < rows.Count && string.Equals(rows[end].Id, rows[start].Id, StringComparison.Ordinal))
            {
                end++;
            }

            var last = rows[end - 1];
            for (var i = start; i < end - 1; i++)
            {
                var row = rows[i];
                replaced++;
                removed.Add(row.Position);
                table.TryGetUnit(row.Unit, out var unit);
                table.TryGetCell(unit, row.Month, out var cell);
                var counts = table.Counts[cell];
                counts.Subtract(DossierRules.Contribution(row.Channel, row.ReceivedAt, row.DueAt, row.FinishedAt, row.Month));
                table.Counts[cell] = counts;
                if (row.FinishedAt != DossierRow.Open)
                {
                    var key = (cell, DossierRules.ProcessingMinutes(row.ReceivedAt, row.FinishedAt));
                    table.Removals[key] = table.Removals.GetValueOrDefault(key) + 1;
                }

                var keptByLast = last.Channel == Channel.Online && last.Unit == row.Unit && last.Month == row.Month && last.Procedure == row.Procedure;
                if (row.Channel == Channel.Online && !keptByLast && fullOnlineIndex is not null && fullOnlineIndex.TryGetValue(row.Procedure, out var procedure))
                {
                    uncertain.Add((cell, procedure));
                }
            }

            start = end;
        }

        return new Outcome(replaced, removed, uncertain);
    }

    /// <summary>Clears the marks of <paramref name="uncertain"/> pairs that no remaining online row supports.</summary>
    public static void UncertainMarks(KpiTable table, HashSet<(int Cell, int Procedure)> uncertain, IEnumerable<CollectedRow> onlineRows,
        HashSet<(int Chunk, int Line)> removed, IReadOnlyDictionary<string, int> fullOnlineIndex)
    {
        var supported = new HashSet<(int, int)>();
        foreach (var row in onlineRows)
        {
            if (removed.Contains(row.Position) || !table.TryGetUnit(row.Unit, out var unit) || !table.TryGetCell(unit, row.Month, out var cell)
                || !fullOnlineIndex.TryGetValue(row.Procedure, out var procedure))
            {
                continue;
            }

            supported.Add((cell, procedure));
        }

        foreach (var pair in uncertain.Where(p => !supported.Contains(p)))
        {
            table.ClearOnline(pair.Cell, pair.Procedure);
        }
    }
}
