using Microsoft.Win32.SafeHandles;
using OpenDti.Domain.Problems;
using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Output;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// Streams a dossier export and computes the KPIs per (unit, month) and per unit, without a database.
/// Memory holds the counts per (unit, month) cell and fixed buffers, not the file nor anything per dossier:
/// what is kept per dossier (each row in brief, by the hash of its id, to find a dossier given twice; each
/// resolved dossier's minutes, for the exact median) goes to temporary files and is read back a partition or
/// a range of minutes at a time (docs/dossier-kpis.md). The storing step (<c>dossiers ingest</c>) reads rows
/// with the same parser.
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

        using var scratch = new ScratchSpace(options.TempDirectory);
        var partitions = options.Partitions ?? RowPartitions.For(ExpectedRows(sample, headerLine.DataStart, length));
        var parallel = options.Threads > 1 && length - headerLine.DataStart > 2L * options.ChunkBytes;
        var read = new Reading(file, headerLine.DataStart, length, header, options, cancellationToken);
        var (accumulators, lines, sequential) = read.Accumulate(scratch, partitions, parallel);

        var firstLine = FirstLines(lines, headerLine.Lines);
        var problems = accumulators.SelectMany(a => a.Problems).OrderBy(p => p.Chunk).ThenBy(p => p.LineInChunk).ToList();
        var problemCount = accumulators.Sum(a => a.ProblemCount);
        var rejectedRows = accumulators.Sum(a => a.RejectedRows);
        // Each thread keeps its first problems; the file's first ones are among them.
        var asInputProblems = problems.Select(p => ToInputProblem(p, firstLine, source)).Take(options.MaxProblems).ToList();
        if (problemCount > 0 && !options.SkipInvalid)
        {
            return new DossierKpiResult
            {
                Problems = asInputProblems,
                ProblemCount = problemCount,
                RejectedRows = rejectedRows,
                ReadSequentially = sequential,
            };
        }

        var table = KpiTable.Merge(accumulators, scratch);
        var states = accumulators.Select(a => a.States).ToList();
        states.ForEach(s => s.Complete());
        options.Progress?.BeginStage("tìm hồ sơ lặp lại / finding dossiers given twice", partitions.Count);
        var repeated = RepeatedDossiers.TakeBack(table, states, options.Threads, options.Progress, cancellationToken);
        states.ForEach(s => s.Dispose());
        if (repeated.UncertainMarks.Count > 0)
        {
            options.Progress?.BeginStage("đọc lại tệp: thủ tục toàn trình có hồ sơ trực tuyến / reading the file again: full-online procedures with an online dossier", 0);
            RepeatedDossiers.SettleMarks(table, repeated, read.CountOnline(table, options.Catalogue!, [.. repeated.UncertainMarks.Keys], !sequential));
        }

        options.Progress?.BeginStage("trung vị thời gian xử lý / median processing times", 0);
        var (rows, outside) = RollUp.Rows(table, options.Units, options.Catalogue, options.MinutesPerPass);
        var rejectedPath = options.SkipInvalid && options.RejectedRowsPath is { } sidePath && rejectedRows > 0
            ? WriteRejected(accumulators, sidePath, rejectedRows, firstLine, source, options.Progress)
            : null;
        foreach (var accumulator in accumulators)
        {
            accumulator.Rejected?.Dispose();
        }

        return new DossierKpiResult
        {
            Rows = rows,
            Problems = asInputProblems,
            ProblemCount = problemCount,
            RejectedRows = rejectedRows,
            RejectedRowsPath = rejectedPath,
            ValidRows = accumulators.Sum(a => a.Rows),
            ReplacedRows = repeated.ReplacedRows,
            UnknownProcedureRows = options.Catalogue is null ? 0 : accumulators.Sum(a => a.UnknownProcedureRows),
            UnitsOutsideHierarchy = ReferenceEquals(options.Units, UnitHierarchy.Flat) ? [] : outside,
            ReadSequentially = sequential,
        };
    }

    // The side file of --skip-invalid, from the threads' rejected rows on disk, in the file's order.
    private static string WriteRejected(List<KpiAccumulator> accumulators, string path, long count, int[] firstLine, string source, DossierProgress? progress)
    {
        progress?.BeginStage("ghi các dòng lỗi / writing the rejected rows", count);
        using var side = new RejectedRowsWriter(path);
        foreach (var row in RejectedRowsSpill.Merged(accumulators.Select(a => a.Rejected).OfType<RejectedRowsSpill>().ToList()))
        {
            side.Add(new RejectedRow(firstLine[row.Chunk] + row.LineInChunk, [.. row.Problems.Select(p => ToInputProblem(p, firstLine, source))], row.Raw));
            progress?.AdvanceStage();
        }

        return side.Keep();
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

    // From the first megabyte: rows ≈ data bytes ÷ bytes per line, to choose how many partitions the rows go into.
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

    private sealed class Reading(SafeFileHandle file, long dataStart, long length, DossierHeader header, DossierKpiOptions options, CancellationToken cancellationToken)
    {
        public (List<KpiAccumulator> Accumulators, int[] Lines, bool Sequential) Accumulate(ScratchSpace scratch, RowPartitions partitions, bool parallel)
        {
            if (parallel)
            {
                options.Progress?.Reset();
                var accumulators = Enumerable.Range(0, options.Threads).Select(_ => NewAccumulator()).ToArray();
                var outcome = ChunkedReader.ReadParallel(file, dataStart, length, header, accumulators, options.ChunkBytes, options.Progress, cancellationToken);
                if (!outcome.Misaligned)
                {
                    return ([.. accumulators], outcome.LinesPerChunk, false);
                }

                foreach (var discarded in accumulators)
                {
                    discarded.States.Dispose();
                }
            }

            options.Progress?.Reset();
            var single = NewAccumulator();
            var sequential = ChunkedReader.ReadSequential(file, dataStart, length, header, single, options.ChunkBytes, options.Progress, cancellationToken);
            return ([single], sequential.LinesPerChunk, true);

            KpiAccumulator NewAccumulator() => new(options.Catalogue, scratch, partitions, options.SkipInvalid, options.MaxProblems);
        }

        /// <summary>The valid online rows of each of <paramref name="marks"/> (see <see cref="RepeatedDossiers"/>).</summary>
        public Dictionary<(int Cell, int FullOnline), long> CountOnline(KpiTable table, ProcedureCatalogue catalogue, HashSet<(int Cell, int FullOnline)> marks, bool parallel)
        {
            var counters = Enumerable.Range(0, parallel ? options.Threads : 1).Select(_ => new OnlineMarkCounter(table, catalogue, marks)).ToArray();
            if (parallel)
            {
                ChunkedReader.ReadParallel(file, dataStart, length, header, counters, options.ChunkBytes, null, cancellationToken);
            }
            else
            {
                ChunkedReader.ReadSequential(file, dataStart, length, header, counters[0], options.ChunkBytes, null, cancellationToken);
            }

            var counts = new Dictionary<(int Cell, int FullOnline), long>();
            foreach (var (mark, count) in counters.SelectMany(c => c.Counts))
            {
                counts[mark] = counts.GetValueOrDefault(mark) + count;
            }

            return counts;
        }
    }
}
