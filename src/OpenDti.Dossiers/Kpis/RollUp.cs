using System.Numerics;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// From the merged (unit, month) cells to the KPI rows: every cell adds to its unit and each of the unit's
/// ancestors (commune → province → nation), for its month and for the whole file ("all"). Counts add up and
/// procedure marks are or-ed. Medians are exact to the minute: all resolved dossiers' minutes are walked in
/// increasing order (<see cref="MinuteOrder"/>: sorted by counting, a range of minutes at a time when they do
/// not all fit the memory set aside), each minute advancing a counter in every row it belongs to; a row's
/// median is read when its counter passes the middle. A replaced row's minute comes just before its minute's
/// others and cancels one of its cell's. Time is linear in the resolved dossiers times the depth.
/// </summary>
internal static class RollUp
{
    private const int AllMonths = int.MaxValue;

    public static (List<KpiRow> Rows, List<string> OutsideHierarchy) Rows(KpiTable table, UnitHierarchy hierarchy, ProcedureCatalogue? catalogue, int minutesPerPass)
    {
        var outsideHierarchy = table.Units.Where(u => !hierarchy.Contains(u)).Order(StringComparer.Ordinal).ToList();
        var outputIds = new Dictionary<(string Unit, int Month), int>();
        var outputs = new List<(string Unit, int Month)>();
        var chains = table.Units.Select(hierarchy.Chain).ToList();
        var targetStart = new int[table.Counts.Count + 1];
        var targets = new List<int>();
        for (var cell = 0; cell < table.Counts.Count; cell++)
        {
            targetStart[cell] = targets.Count;
            foreach (var unit in chains[table.CellUnit[cell]])
            {
                targets.Add(OutputId(unit, table.CellMonth[cell]));
                targets.Add(OutputId(unit, AllMonths));
            }
        }

        targetStart[^1] = targets.Count;
        var targetIds = targets.ToArray();

        var counts = new CellCounts[outputs.Count];
        var marks = new ulong[]?[outputs.Count];
        for (var cell = 0; cell < table.Counts.Count; cell++)
        {
            var cellCounts = table.Counts[cell];
            var cellMarks = table.OnlineProcedures[cell];
            for (var t = targetStart[cell]; t < targetStart[cell + 1]; t++)
            {
                var output = targetIds[t];
                counts[output].Add(cellCounts);
                if (cellMarks is not null)
                {
                    var into = marks[output] ??= new ulong[cellMarks.Length];
                    for (var w = 0; w < cellMarks.Length; w++)
                    {
                        into[w] |= cellMarks[w];
                    }
                }
            }
        }

        var medians = Medians(table, counts, targetStart, targetIds, minutesPerPass);
        var rows = new List<KpiRow>(outputs.Count);
        for (var o = 0; o < outputs.Count; o++)
        {
            var c = counts[o];
            if (c.Received == 0)
            {
                continue;
            }

            int? withOnline = catalogue is null ? null : marks[o]?.Sum(BitOperations.PopCount) ?? 0;
            rows.Add(new KpiRow
            {
                UnitCode = outputs[o].Unit,
                Month = outputs[o].Month == AllMonths ? KpiRow.AllMonths : LocalTime.FormatMonth(outputs[o].Month),
                Received = c.Received,
                ReceivedOnline = c.ReceivedOnline,
                OnlineShare = (double)c.ReceivedOnline / c.Received,
                Resolved = c.Resolved,
                ResolvedOnTime = c.ResolvedOnTime,
                OnTimeShare = c.Resolved == 0 ? null : (double)c.ResolvedOnTime / c.Resolved,
                OverdueOpen = c.OverdueOpen,
                AverageProcessingDays = c.Resolved == 0 ? null : c.ProcessingSeconds / (c.Resolved * (double)LocalTime.SecondsPerDay),
                MedianProcessingDays = c.Resolved == 0 ? null : medians[o] / 1440.0,
                FullOnlineProcedures = catalogue?.FullOnlineCount,
                FullOnlineProceduresWithOnlineDossier = withOnline,
                FullOnlineShare = catalogue is null || catalogue.FullOnlineCount == 0 ? null : (double)withOnline!.Value / catalogue.FullOnlineCount,
            });
        }

        rows.Sort((a, b) =>
        {
            var byUnit = string.CompareOrdinal(a.UnitCode, b.UnitCode);
            return byUnit != 0 ? byUnit : string.CompareOrdinal(MonthOrder(a.Month), MonthOrder(b.Month));
        });
        return (rows, outsideHierarchy);

        int OutputId(string unit, int month)
        {
            if (!outputIds.TryGetValue((unit, month), out var id))
            {
                outputIds[(unit, month)] = id = outputs.Count;
                outputs.Add((unit, month));
            }

            return id;
        }

        static string MonthOrder(string month) => month == KpiRow.AllMonths ? "9999-99" : month;
    }

    // The median of each output, in minutes: the middle value, or the mean of the two middle values.
    private static double[] Medians(KpiTable table, CellCounts[] counts, int[] targetStart, int[] targetIds, int minutesPerPass)
    {
        var low = new uint[counts.Length];
        var high = new uint[counts.Length];
        var seen = new long[counts.Length];
        var lowRank = new long[counts.Length];
        var highRank = new long[counts.Length];
        for (var o = 0; o < counts.Length; o++)
        {
            lowRank[o] = (counts[o].Resolved + 1) / 2;
            highRank[o] = counts[o].Resolved / 2 + 1;
        }

        // Removed values of a minute come before its others: each cancels one of its cell's in that minute.
        var cancel = new int[table.Counts.Count];
        foreach (var (minute, cell, removed) in MinuteOrder.Ascending(table.MinuteSources, minutesPerPass, table.Scratch))
        {
            if (removed)
            {
                cancel[cell]++;
                continue;
            }

            if (cancel[cell] > 0)
            {
                cancel[cell]--;
                continue;
            }

            for (var t = targetStart[cell]; t < targetStart[cell + 1]; t++)
            {
                var o = targetIds[t];
                var n = ++seen[o];
                if (n == lowRank[o])
                {
                    low[o] = minute;
                }

                if (n == highRank[o])
                {
                    high[o] = minute;
                }
            }
        }

        var medians = new double[counts.Length];
        for (var o = 0; o < counts.Length; o++)
        {
            medians[o] = ((double)low[o] + high[o]) / 2;
        }

        return medians;
    }
}
