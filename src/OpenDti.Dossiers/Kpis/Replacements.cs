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

    public static Outcome Apply(KpiTable table, IEnumerable<CollectedRow> rows, IReadOnlyDictionary<string, int>? fullOnlineIndex)
    {
        var removed = new HashSet<(int, int)>();
        var uncertain = new HashSet<(int, int)>();
        long replaced = 0;
        foreach (var group in rows.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(r => r.Chunk).ThenBy(r => r.LineInChunk).ToList();
            var last = ordered[^1];
            for (var i = 0; i < ordered.Count - 1; i++)
            {
                var row = ordered[i];
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
