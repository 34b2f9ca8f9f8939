using Microsoft.Win32.SafeHandles;

namespace OpenDti.Dossiers.Input;

/// <summary>
/// Reads the rows of a file into one sink per thread. In parallel, the file is cut into chunks of
/// <c>chunkBytes</c> at line starts; each thread takes the next chunk, reads it with its own buffer and
/// parses it from its first line. A cut can only be wrong inside a quoted field that holds a newline: then
/// the chunk before it ends inside quotes, which the parser reports (<see cref="ReadOutcome.Misaligned"/>),
/// and the caller reads the whole file again sequentially, which needs no cuts. Line numbers are counted
/// per chunk and added up at the end.
/// </summary>
internal static class ChunkedReader
{
    private const int Margin = 64 * 1024;

    internal sealed record ReadOutcome(bool Misaligned, int[] LinesPerChunk);

    public static ReadOutcome ReadParallel<TSink>(SafeFileHandle file, long dataStart, long length, DossierHeader header,
        TSink[] sinks, int chunkBytes, DossierProgress? progress, CancellationToken cancellationToken)
        where TSink : IDossierRowSink
    {
        var chunkCount = (int)Math.Max(1, (length - dataStart + chunkBytes - 1) / chunkBytes);
        var lines = new int[chunkCount];
        var next = -1;
        var misaligned = 0;
        Workers.Run(sinks.Length, (worker, stop) =>
        {
            var sink = sinks[worker];
            var parser = new DossierRecordParser(header);
            var buffer = GC.AllocateUninitializedArray<byte>(chunkBytes + Margin + 1);
            int k;
            while ((k = Interlocked.Increment(ref next)) < chunkCount && Volatile.Read(ref misaligned) == 0)
            {
                stop.ThrowIfCancellationRequested();
                var nominalStart = dataStart + (long)k * chunkBytes;
                var nominalEnd = Math.Min(length, nominalStart + chunkBytes);
                var readFrom = k == 0 ? dataStart : nominalStart - 1;
                var (start, end) = Boundaries(file, ref buffer, readFrom, k == 0, nominalEnd, length);
                var data = buffer.AsSpan((int)(start - readFrom), (int)(end - start));
                sink.BeginChunk(k);
                var line = 0;
                var consumed = parser.Parse(data, isFinal: end == length, sink, ref line);
                if (consumed < data.Length)
                {
                    Volatile.Write(ref misaligned, 1);
                }

                lines[k] = line;
                progress?.Add(end - start, line);
            }
        }, cancellationToken);
        return new ReadOutcome(misaligned != 0, lines);
    }

    public static ReadOutcome ReadSequential<TSink>(SafeFileHandle file, long dataStart, long length, DossierHeader header,
        TSink sink, int blockBytes, DossierProgress? progress, CancellationToken cancellationToken)
        where TSink : IDossierRowSink
    {
        var parser = new DossierRecordParser(header);
        var buffer = GC.AllocateUninitializedArray<byte>(blockBytes);
        var filled = 0;
        var position = dataStart;
        var line = 0;
        sink.BeginChunk(0);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = RandomAccess.Read(file, buffer.AsSpan(filled), position);
            position += read;
            filled += read;
            var isFinal = read == 0 || position >= length;
            var before = line;
            var consumed = parser.Parse(buffer.AsSpan(0, filled), isFinal, sink, ref line);
            progress?.Add(consumed, line - before);
            if (isFinal)
            {
                return new ReadOutcome(false, [line]);
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
    }

    // Reads from readFrom until the chunk's end is known. The chunk starts at readFrom for the first chunk,
    // else after the first newline from readFrom (nominalStart − 1, so a chunk that begins right at a line
    // start keeps it); it ends after the first newline at or after nominalEnd − 1, or at the end of the file.
    private static (long Start, long End) Boundaries(SafeFileHandle file, ref byte[] buffer, long readFrom, bool isFirst, long nominalEnd, long length)
    {
        var filled = 0;
        long start = -1;
        while (true)
        {
            var want = (int)Math.Min(buffer.Length - filled, length - readFrom - filled);
            var read = want > 0 ? RandomAccess.Read(file, buffer.AsSpan(filled, want), readFrom + filled) : 0;
            filled += read;
            var atEnd = readFrom + filled >= length || read == 0;
            if (start < 0)
            {
                if (isFirst)
                {
                    start = readFrom;
                }
                else
                {
                    var newline = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
                    start = newline >= 0 ? readFrom + newline + 1 : atEnd ? length : -1;
                }
            }

            if (start >= 0)
            {
                if (nominalEnd >= length)
                {
                    if (atEnd)
                    {
                        return (start, length);
                    }
                }
                else
                {
                    var from = (int)(nominalEnd - 1 - readFrom);
                    if (from < filled)
                    {
                        var newline = buffer.AsSpan(from, filled - from).IndexOf((byte)'\n');
                        if (newline >= 0)
                        {
                            return (start, Math.Max(start, readFrom + from + newline + 1));
                        }
                    }

                    if (atEnd)
                    {
                        return (start, length);
                    }
                }
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }
}
