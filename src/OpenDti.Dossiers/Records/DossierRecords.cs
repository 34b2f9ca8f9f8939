using System.Text;
using OpenDti.Domain.Problems;
using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Kpis;

namespace OpenDti.Dossiers.Records;

/// <summary>
/// Streams the rows of a dossier export one by one, with the parser and the checks of
/// <see cref="DossierKpis"/>: each valid row as a <see cref="DossierRecord"/>, each rejected one with its line,
/// columns and problems. Sequential, on one thread: the store it feeds is slower than the parser.
/// </summary>
public static class DossierRecords
{
    private const int BlockBytes = 1 << 20;

    /// <summary>
    /// Reads <paramref name="path"/>: each valid row goes to <paramref name="onRow"/>, which may still refuse it
    /// (a unit unknown to the store) by returning a <see cref="RecordCheck"/>; each refused row goes to
    /// <paramref name="onRejected"/> with its line, columns (by this file's header names) and bytes.
    /// </summary>
    public static DossierRecordReading Read(
        string path, string sourceName, Func<DossierRecord, RecordCheck?> onRow, Action<RejectedRow> onRejected,
        DossierProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(onRow);
        ArgumentNullException.ThrowIfNull(onRejected);
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(file);
        if (progress is not null)
        {
            progress.TotalBytes = length;
            progress.Reset();
        }

        var sample = new byte[(int)Math.Min(length, 4 << 20)];
        var read = RandomAccess.Read(file, sample, 0);
        var headerLine = HeaderLine.Parse(sample.AsSpan(0, read), isWholeFile: read >= length);
        if (headerLine is null)
        {
            return new DossierRecordReading
            {
                HeaderProblems = [new InputProblem("dossiers.empty-file", new ProblemPlace(sourceName, Row: 1), "một dòng tiêu đề / a header line", "")],
            };
        }

        var (header, problems) = DossierHeader.Map(headerLine.Names, sourceName);
        if (header is null)
        {
            return new DossierRecordReading { HeaderProblems = problems };
        }

        var sink = new Sink(headerLine.Lines + 1, sourceName, header, onRow, onRejected);
        ChunkedReader.ReadSequential(file, headerLine.DataStart, length, header, sink, BlockBytes, progress, cancellationToken);
        return new DossierRecordReading
        {
            ColumnNames = Enum.GetValues<DossierField>().ToDictionary(f => f, header.NameOf),
            ValidRows = sink.Valid,
            RejectedRows = sink.Rejected,
            Bytes = length,
        };
    }

    private sealed class Sink(int firstLine, string source, DossierHeader header, Func<DossierRecord, RecordCheck?> onRow, Action<RejectedRow> onRejected) : IDossierRowSink
    {
        public long Valid { get; private set; }

        public long Rejected { get; private set; }

        public void BeginChunk(int chunk)
        {
        }

        public void OnRow(in DossierRow row, int lineInChunk)
        {
            var record = new DossierRecord
            {
                Id = Encoding.UTF8.GetString(row.Id).Normalize(),
                ProcedureCode = Encoding.UTF8.GetString(row.Procedure).Normalize(),
                UnitCode = Encoding.UTF8.GetString(row.Unit),
                Channel = row.Channel,
                ReceivedAt = row.ReceivedAt,
                DueAt = row.DueAt,
                FinishedAt = row.FinishedAt,
                Status = Encoding.UTF8.GetString(row.Status).Normalize(),
                Line = firstLine + lineInChunk,
            };
            if (onRow(record) is not { } problem)
            {
                Valid++;
                return;
            }

            Rejected++;
            onRejected(new RejectedRow(
                record.Line,
                [new InputProblem(problem.Code, new ProblemPlace(source, Row: record.Line, Column: header.NameOf(problem.Field)), problem.Expected, problem.Found)],
                row.Raw.ToArray()));
        }

        public void OnRejected(int lineInChunk, IReadOnlyList<(string Code, string Column, string Expected, string? Found)> problems, ReadOnlySpan<byte> raw)
        {
            Rejected++;
            var line = firstLine + lineInChunk;
            onRejected(new RejectedRow(
                line,
                [.. problems.Select(p => new InputProblem(p.Code, new ProblemPlace(source, Row: line, Column: p.Column), p.Expected, p.Found))],
                raw.ToArray()));
        }
    }
}
