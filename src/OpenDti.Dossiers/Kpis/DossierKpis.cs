using System.Text;
using Microsoft.Win32.SafeHandles;
using OpenDti.Domain.Problems;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// Streams a dossier export and computes the KPIs per (unit, month) and per unit, without a database.
/// Memory does not hold the file: it holds per (unit, month) counts, 8 bytes per resolved dossier (its
/// processing minutes, for the exact median) and about 11.4 bytes per dossier (the hash of its id, to find
/// a dossier given twice). A repeated dossier costs a second read of the file (only then), to take the
/// earlier rows back out. The storing step (<c>dossiers ingest</c>) reads rows with the same parser.
/// </summary>
public static class DossierKpis
{
    public static DossierKpiResult Compute(string path, DossierKpiOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var source = options.SourceName ?? path;
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(file);
        if (options.Progress is { } progress)
        {
            progress.TotalBytes = length;
        }

        var (headerLine, sample) = ReadHeader(file, length);
        if (headerLine is null)
        {
            return Refused(new InputProblem("dossiers.empty-file", new ProblemPlace(source, Row: 1), "một dòng tiêu đề / a header line", ""));
        }

        var (header, headerProblems) = DossierHeader.Map(headerLine.Names, source);
        if (header is null)
        {
            return new DossierKpiResult { Problems = headerProblems, ProblemCount = headerProblems.Count };
        }

        var expectedRows = ExpectedRows(sample, headerLine.DataStart, length);
        var parallel = options.Threads > 1 && length - headerLine.DataStart > 2L * options.ChunkBytes;
        var read = new Reading(file, headerLine.DataStart, length, header, options, cancellationToken);
        var (accumulators, lines, sequential) = read.Accumulate(expectedRows, parallel);

        var firstLine = FirstLines(lines, headerLine.Lines);
        var problems = accumulators.SelectMany(a => a.Problems).OrderBy(p => p.Chunk).ThenBy(p => p.LineInChunk).ToList();
        var problemCount = accumulators.Sum(a => a.ProblemCount);
        var rejectedRows = accumulators.Sum(a => a.RejectedRows);
        var asInputProblems = problems.Select(p => ToInputProblem(p, firstLine, source)).ToList();
        if (problemCount > 0 && !options.SkipInvalid)
        {
            return new DossierKpiResult
            {
                Problems = asInputProblems.Take(options.MaxProblems).ToList(),
                ProblemCount = problemCount,
                RejectedRows = rejectedRows,
                ReadSequentially = sequential,
            };
        }

        var repeated = Repeated(accumulators);
        foreach (var accumulator in accumulators)
        {
            accumulator.ReleaseFingerprints();
        }

        // The id tables are the largest allocation (about 11 bytes per dossier): collect them now, so that the
        // roll-up's arrays take their place instead of adding to the peak (a 10-million-row file: about −100 MB).
        GC.Collect();

        var table = KpiTable.Merge(accumulators);
        long replaced = 0;
        if (repeated.Count > 0)
        {
            replaced = TakeBackRepeated(table, repeated, read, !sequential, options.Catalogue);
        }

        var (rows, outside) = RollUp.Rows(table, options.Units, options.Catalogue);
        return new DossierKpiResult
        {
            Rows = rows,
            Problems = asInputProblems,
            ProblemCount = problemCount,
            RejectedRows = rejectedRows,
            Rejected = problems
                .Where(p => p.Raw.Length > 0)
                .Select(p => new RejectedRow(
                    firstLine[p.Chunk] + p.LineInChunk,
                    asInputProblems.Where(q => q.Place.Row == firstLine[p.Chunk] + p.LineInChunk).ToList(),
                    p.Raw))
                .ToList(),
            ValidRows = accumulators.Sum(a => a.Rows),
            ReplacedRows = replaced,
            UnknownProcedureRows = options.Catalogue is null ? 0 : accumulators.Sum(a => a.UnknownProcedureRows),
            UnitsOutsideHierarchy = ReferenceEquals(options.Units, UnitHierarchy.Flat) ? [] : outside,
            ReadSequentially = sequential,
        };
    }

    private static DossierKpiResult Refused(InputProblem problem) => new() { Problems = [problem], ProblemCount = 1 };

    private static (HeaderLine? Header, byte[] Sample) ReadHeader(SafeFileHandle file, long length)
    {
        var size = (int)Math.Min(length, 1 << 20);
        while (true)
        {
            var sample = new byte[size];
            var read = RandomAccess.Read(file, sample, 0);
            var header = HeaderLine.Parse(sample.AsSpan(0, read), isWholeFile: read >= length);
            if (header is not null || read >= length || size >= 64 << 20)
            {
                return (header, sample[..read]);
            }

            size = (int)Math.Min(length, (long)size * 4);
        }
    }

    // From the first megabyte: rows ≈ data bytes ÷ bytes per line, so the id table is sized once.
    private static long ExpectedRows(byte[] sample, long dataStart, long length)
    {
        var data = sample.AsSpan((int)Math.Min(dataStart, sample.Length));
        var newlines = data.Count((byte)'\n');
        return newlines == 0 ? 1024 : (long)((length - dataStart) / ((double)data.Length / newlines) * 1.05) + 1024;
    }

    private static int[] FirstLines(int[] linesPerChunk, int headerLines)
    {
        var first = new int[linesPerChunk.Length];
        var line = headerLines + 1;
        for (var k = 0; k < linesPerChunk.Length; k++)
        {
            first[k] = line;
            line += linesPerChunk[k];
        }

        return first;
    }

    private static InputProblem ToInputProblem(RowProblem p, int[] firstLine, string source) =>
        new(p.Code, new ProblemPlace(source, Row: firstLine[p.Chunk] + p.LineInChunk, Column: p.Column), p.Expected, p.Found);

    // Fingerprints seen twice by one thread, or by two threads (each thread's table checked against the
    // earlier threads' tables, in parallel slices).
    private static HashSet<ulong> Repeated(List<KpiAccumulator> accumulators)
    {
        var repeated = new HashSet<ulong>(accumulators.SelectMany(a => a.Repeated));
        for (var t = 1; t < accumulators.Count; t++)
        {
            var slots = accumulators[t].Fingerprints!.Slots;
            var earlier = accumulators.Take(t).Select(a => a.Fingerprints!).ToList();
            var slices = Environment.ProcessorCount;
            var found = new List<ulong>[slices];
            Parallel.For(0, slices, s =>
            {
                found[s] = [];
                var span = slots.Span;
                var from = (int)((long)span.Length * s / slices);
                var to = (int)((long)span.Length * (s + 1) / slices);
                for (var i = from; i < to; i++)
                {
                    var value = span[i];
                    if (value != 0 && earlier.Exists(e => e.Contains(value)))
                    {
                        found[s].Add(value);
                    }
                }
            });
            repeated.UnionWith(found.SelectMany(f => f));
        }

        return repeated;
    }

    // Second read: the rows of repeated ids; all but the last of each id come out. A third read only when a
    // full-online mark may have lost its last online dossier (see Replacements).
    private static long TakeBackRepeated(KpiTable table, HashSet<ulong> repeated, Reading read, bool parallel, ProcedureCatalogue? catalogue)
    {
        var candidates = read.Collect(parallel, (in DossierRow row) => repeated.Contains(Fingerprint(row.Id)));
        var outcome = Replacements.Apply(table, candidates, catalogue?.FullOnlineIndex);
        if (outcome.UncertainMarks.Count > 0)
        {
            // Only the online rows that could support one of those marks: same unit, month and procedure.
            var marks = outcome.UncertainMarks
                .Select(m => (Unit: table.Units[table.CellUnit[m.Cell]], Month: table.CellMonth[m.Cell], Procedure: catalogue!.FullOnlineCodes[m.Procedure]))
                .ToHashSet();
            var procedures = marks.Select(m => m.Procedure).ToHashSet(StringComparer.Ordinal);
            var online = read.Collect(parallel, (in DossierRow row) =>
                row.Channel == Channel.Online
                && procedures.Contains(Encoding.UTF8.GetString(row.Procedure))
                && marks.Contains((Encoding.UTF8.GetString(row.Unit), LocalTime.MonthNumber(row.ReceivedAt), Encoding.UTF8.GetString(row.Procedure))));
            Replacements.UncertainMarks(table, outcome.UncertainMarks, online, outcome.RemovedPositions, catalogue!.FullOnlineIndex);
        }

        return outcome.ReplacedRows;
    }

    private static ulong Fingerprint(ReadOnlySpan<byte> id)
    {
        var hash = ByteHash.Of(id);
        return hash == 0 ? 1 : hash;
    }

    private sealed class Reading(SafeFileHandle file, long dataStart, long length, DossierHeader header, DossierKpiOptions options, CancellationToken cancellationToken)
    {
        public (List<KpiAccumulator> Accumulators, int[] Lines, bool Sequential) Accumulate(long expectedRows, bool parallel)
        {
            if (parallel)
            {
                options.Progress?.Reset();
                var threads = options.Threads;
                var accumulators = Enumerable.Range(0, threads)
                    .Select(_ => new KpiAccumulator(options.Catalogue, expectedRows / threads * 11 / 10, options.SkipInvalid, options.MaxProblems))
                    .ToArray();
                var outcome = ChunkedReader.ReadParallel(file, dataStart, length, header, accumulators, options.ChunkBytes, options.Progress, cancellationToken);
                if (!outcome.Misaligned)
                {
                    return ([.. accumulators], outcome.LinesPerChunk, false);
                }
            }

            options.Progress?.Reset();
            var single = new KpiAccumulator(options.Catalogue, expectedRows, options.SkipInvalid, options.MaxProblems);
            var sequential = ChunkedReader.ReadSequential(file, dataStart, length, header, single, options.ChunkBytes, options.Progress, cancellationToken);
            return ([single], sequential.LinesPerChunk, true);
        }

        public List<CollectedRow> Collect(bool parallel, RowFilter filter)
        {
            if (parallel)
            {
                var collectors = Enumerable.Range(0, options.Threads).Select(_ => new RowCollector(filter)).ToArray();
                ChunkedReader.ReadParallel(file, dataStart, length, header, collectors, options.ChunkBytes, null, cancellationToken);
                // One list, each collector's emptied as it is copied, so the rows are not held twice over.
                var all = new List<CollectedRow>(collectors.Sum(c => c.Rows.Count));
                foreach (var each in collectors)
                {
                    all.AddRange(each.Rows);
                    each.Rows.Clear();
                    each.Rows.TrimExcess();
                }

                return all;
            }

            var collector = new RowCollector(filter);
            ChunkedReader.ReadSequential(file, dataStart, length, header, collector, options.ChunkBytes, null, cancellationToken);
            return collector.Rows;
        }
    }
}
