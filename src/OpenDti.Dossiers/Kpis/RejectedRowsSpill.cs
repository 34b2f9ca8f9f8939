using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// One thread's rejected rows, with every problem found and the row as written, on disk rather than in memory
/// (a dirty export can reject millions), for the side file of <c>--skip-invalid</c>. A thread reads its chunks in
/// increasing order, so its file is in the file's order; <see cref="Merged"/> interleaves the threads' files.
/// </summary>
internal sealed class RejectedRowsSpill : IDisposable
{
    private readonly ScratchSpace _scratch;
    private readonly FileStream _stream;
    private readonly BinaryWriter _writer;

    public RejectedRowsSpill(ScratchSpace scratch)
    {
        _scratch = scratch;
        _stream = new FileStream(scratch.NewFile("rejected"), FileAccess.ReadWrite, bufferSize: 1 << 16);
        _writer = new BinaryWriter(_stream);
    }

    /// <summary>A rejected row: its chunk and line in the chunk, its problems and its bytes.</summary>
    public sealed record Row(int Chunk, int LineInChunk, IReadOnlyList<RowProblem> Problems, byte[] Raw);

    public void Add(int chunk, int lineInChunk, IReadOnlyList<(string Code, string Column, string Expected, string? Found)> problems, ReadOnlySpan<byte> raw)
    {
        try
        {
            _writer.Write(chunk);
            _writer.Write(lineInChunk);
            _writer.Write(problems.Count);
            foreach (var (code, column, expected, found) in problems)
            {
                _writer.Write(code);
                _writer.Write(column);
                _writer.Write(expected);
                _writer.Write(found is not null);
                _writer.Write(found ?? "");
            }

            _writer.Write(raw.Length);
            _writer.Write(raw);
        }
        catch (IOException e)
        {
            throw new ScratchSpaceException(_scratch.Parent, e);
        }
    }

    /// <summary>The rows of all <paramref name="spills"/> in the file's order (by chunk, then line).</summary>
    public static IEnumerable<Row> Merged(IReadOnlyList<RejectedRowsSpill> spills)
    {
        var readers = spills.Select(s => s.Rows().GetEnumerator()).ToList();
        var next = new PriorityQueue<IEnumerator<Row>, (int Chunk, int Line)>();
        foreach (var reader in readers.Where(r => r.MoveNext()))
        {
            next.Enqueue(reader, (reader.Current.Chunk, reader.Current.LineInChunk));
        }

        while (next.TryDequeue(out var reader, out _))
        {
            yield return reader.Current;
            if (reader.MoveNext())
            {
                next.Enqueue(reader, (reader.Current.Chunk, reader.Current.LineInChunk));
            }
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private IEnumerable<Row> Rows()
    {
        _writer.Flush();
        var end = _stream.Position;
        _stream.Position = 0;
        using var reader = new BinaryReader(_stream, System.Text.Encoding.UTF8, leaveOpen: true);
        while (_stream.Position < end)
        {
            var chunk = reader.ReadInt32();
            var line = reader.ReadInt32();
            var problems = new RowProblem[reader.ReadInt32()];
            for (var i = 0; i < problems.Length; i++)
            {
                var (code, column, expected) = (reader.ReadString(), reader.ReadString(), reader.ReadString());
                var hasFound = reader.ReadBoolean();
                var found = reader.ReadString();
                problems[i] = new RowProblem(chunk, line, code, column, expected, hasFound ? found : null);
            }

            yield return new Row(chunk, line, problems, reader.ReadBytes(reader.ReadInt32()));
        }
    }
}
