using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// Within one file a dossier counts once, as its last valid row says. The first read counts every row and
/// leaves each in brief on disk, partitioned by the hash of its id (<see cref="SpilledRow"/>); here each
/// partition is read back in turn (in parallel, one per thread), its rows sorted by hash, and the rows of an id
/// that occurs more than once, all but the last in the file's order, are taken back out of the merged table:
/// their counts subtracted, their minutes listed for the medians to leave out. Memory holds a partition or two,
/// whatever the file's size.
/// A full-online procedure's "online dossier" mark is a bit, not a count: it stays when the last row has the
/// same cell and procedure and is online too (the usual case: a new status); otherwise the mark is uncertain
/// and the caller counts that cell's online rows of that procedure in one more read of the file: the mark
/// stays if more are found than were taken back without a last row keeping it. (A row taken back whose last
/// row keeps the mark need not be counted: that last row remains, so more are found anyway.)
/// </summary>
internal static class RepeatedDossiers
{
    public sealed class Outcome
    {
        public long ReplacedRows { get; internal set; }

        /// <summary>
        /// (cell, full-online procedure) marks that an earlier row set and the last row of its dossier does not: how
        /// many such rows were taken back.
        /// </summary>
        public Dictionary<(int Cell, int FullOnline), long> UncertainMarks { get; } = [];
    }

    public static Outcome TakeBack(KpiTable table, IReadOnlyList<PartitionSpill> spills, int threads, DossierProgress? progress, CancellationToken cancellationToken)
    {
        var outcome = new Outcome();
        var partitions = spills[0].Partitions;
        var next = -1;
        Workers.Run(Math.Clamp(threads, 1, partitions), (_, stop) =>
        {
            var scan = new PartitionScan();
            var removals = new List<Removal>();
            int partition;
            while ((partition = Interlocked.Increment(ref next)) < partitions)
            {
                stop.ThrowIfCancellationRequested();
                scan.EarlierRows(partition, spills, table.CellMaps, removals);
                lock (outcome)
                {
                    Apply(table, removals, outcome);
                }

                removals.Clear();
                progress?.AdvanceStage();
            }
        }, cancellationToken);
        return outcome;
    }

    /// <summary>Clears the uncertain marks that no remaining online row supports, given every valid online row counted per mark.</summary>
    public static void SettleMarks(KpiTable table, Outcome outcome, IReadOnlyDictionary<(int Cell, int FullOnline), long> onlineRows)
    {
        foreach (var (mark, takenBack) in outcome.UncertainMarks)
        {
            if (onlineRows.GetValueOrDefault(mark) <= takenBack)
            {
                table.ClearOnline(mark.Cell, mark.FullOnline);
            }
        }
    }

    private static void Apply(KpiTable table, List<Removal> removals, Outcome outcome)
    {
        foreach (var row in removals)
        {
            var counts = table.Counts[row.Cell];
            counts.Subtract(DossierRules.Contribution(row.Channel, row.ReceivedAt, row.DueAt, row.FinishedAt, LocalTime.MonthNumber(row.ReceivedAt)));
            table.Counts[row.Cell] = counts;
            if (row.FinishedAt != DossierRow.Open)
            {
                table.RemovedMinutes.Add((ulong)DossierRules.ProcessingMinutes(row.ReceivedAt, row.FinishedAt) << 32 | (uint)row.Cell);
            }

            if (row.Channel == Channel.Online && row.FullOnline >= 0 && !row.KeptByLast)
            {
                var mark = (row.Cell, row.FullOnline);
                outcome.UncertainMarks[mark] = outcome.UncertainMarks.GetValueOrDefault(mark) + 1;
            }
        }

        outcome.ReplacedRows += removals.Count;
    }

    /// <summary>A row taken back, its cell in the table's numbering; <see cref="KeptByLast"/>: the dossier's last row is online with the same cell and procedure.</summary>
    private readonly record struct Removal(int Cell, Channel Channel, long ReceivedAt, long DueAt, long FinishedAt, int FullOnline, bool KeptByLast);

    /// <summary>One worker's buffers, reused from partition to partition.</summary>
    private sealed class PartitionScan
    {
        private byte[] _bytes = [];
        private ulong[] _hashes = [];
        private int[] _offsets = [];
        private readonly List<int> _run = [];

        public void EarlierRows(int partition, IReadOnlyList<PartitionSpill> spills, List<int[]> cellMaps, List<Removal> removals)
        {
            var length = spills.Sum(s => s.Length(partition));
            if (length > Array.MaxLength)
            {
                throw new InvalidOperationException("A partition of the dossier rows is over 2 GB: the file has more rows than this engine partitions for (some 25 billion).");
            }

            if (_bytes.Length < length)
            {
                _bytes = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(length, (long)_bytes.Length * 5 / 4)));
            }

            // Each thread's part in turn; a record's thread is the part its offset falls in.
            var partEnds = new int[spills.Count];
            var at = 0;
            for (var t = 0; t < spills.Count; t++)
            {
                var part = (int)spills[t].Length(partition);
                spills[t].Read(partition, _bytes.AsSpan(at, part));
                at += part;
                partEnds[t] = at;
            }

            var count = 0;
            for (var offset = 0; offset < at; offset += SpilledRow.SizeAt(_bytes.AsSpan(offset)))
            {
                if (count == _hashes.Length)
                {
                    Array.Resize(ref _hashes, Math.Max(1024, count * 2));
                    Array.Resize(ref _offsets, _hashes.Length);
                }

                _hashes[count] = SpilledRow.FingerprintAt(_bytes.AsSpan(offset));
                _offsets[count++] = offset;
            }

            Array.Sort(_hashes, _offsets, 0, count);
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && _hashes[end] == _hashes[start])
                {
                    end++;
                }

                if (end - start > 1)
                {
                    SameHash(start, end, partEnds, cellMaps, removals);
                }

                start = end;
            }
        }

        // Rows whose ids hash alike: grouped by the ids' bytes; in each group of two or more, all but the last come out.
        private void SameHash(int start, int end, int[] partEnds, List<int[]> cellMaps, List<Removal> removals)
        {
            _run.Clear();
            for (var i = start; i < end; i++)
            {
                _run.Add(_offsets[i]);
            }

            while (_run.Count > 1)
            {
                var first = Row(_run[0]);
                var last = 0;
                var group = new List<int> { 0 };
                for (var i = 1; i < _run.Count; i++)
                {
                    var row = Row(_run[i]);
                    if (row.Id.SequenceEqual(first.Id))
                    {
                        group.Add(i);
                        if (row.IsAfter(Row(_run[last])))
                        {
                            last = i;
                        }
                    }
                }

                if (group.Count > 1)
                {
                    var kept = Row(_run[last]);
                    var keptCell = cellMaps[PartOf(_run[last], partEnds)][kept.Cell];
                    foreach (var i in group.Where(i => i != last))
                    {
                        var row = Row(_run[i]);
                        var cell = cellMaps[PartOf(_run[i], partEnds)][row.Cell];
                        var keptByLast = kept.Channel == Channel.Online && keptCell == cell && kept.FullOnline == row.FullOnline;
                        removals.Add(new Removal(cell, row.Channel, row.ReceivedAt, row.DueAt, row.FinishedAt, row.FullOnline, keptByLast));
                    }
                }

                for (var g = group.Count - 1; g >= 0; g--)
                {
                    _run.RemoveAt(group[g]);
                }
            }
        }

        private SpilledRow Row(int offset) => new(_bytes.AsSpan(offset));

        private static int PartOf(int offset, int[] partEnds)
        {
            var t = 0;
            while (offset >= partEnds[t])
            {
                t++;
            }

            return t;
        }
    }
}
