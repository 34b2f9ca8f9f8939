using Microsoft.Win32.SafeHandles;

namespace OpenDti.Dossiers.Spill;

/// <summary>
/// One thread's records, sorted out into partitions on disk: each partition gathers in a small buffer, and a
/// full buffer is appended to the thread's one temporary file as a block of that partition. A partition is
/// read back whole (its blocks from every thread) once writing is done. Memory: one buffer per partition while
/// writing, none after <see cref="Complete"/>; the index of blocks (12 bytes per block).
/// </summary>
internal sealed class PartitionSpill : IDisposable
{
    private readonly ScratchSpace _scratch;
    private readonly SafeFileHandle _file;
    private readonly List<(long Offset, int Length)>[] _blocks;
    private byte[]?[]? _buffers;
    private readonly int[] _used;
    private long _length;

    public PartitionSpill(ScratchSpace scratch, int partitions, int bufferBytes)
    {
        _scratch = scratch;
        _file = scratch.NewFile("partitions");
        _blocks = new List<(long, int)>[partitions];
        _buffers = new byte[]?[partitions];
        _used = new int[partitions];
        BufferBytes = bufferBytes;
        for (var p = 0; p < partitions; p++)
        {
            _blocks[p] = [];
        }
    }

    public int BufferBytes { get; }

    public int Partitions => _blocks.Length;

    /// <summary>Room for one record of <paramref name="size"/> bytes in <paramref name="partition"/>; write it before the next call.</summary>
    public Span<byte> Reserve(int partition, int size)
    {
        var buffer = _buffers![partition];
        if (buffer is not null && _used[partition] + size > buffer.Length)
        {
            Flush(partition);
            buffer = _buffers[partition];
        }

        if (size > BufferBytes)
        {
            // Larger than a buffer (an id of many kilobytes): a block of its own, through a buffer of its own.
            buffer = _buffers[partition] = new byte[size];
        }

        buffer ??= _buffers[partition] = GC.AllocateUninitializedArray<byte>(BufferBytes);
        var start = _used[partition];
        _used[partition] += size;
        return buffer.AsSpan(start, size);
    }

    /// <summary>Writes what the buffers hold and lets them go; no more records after this.</summary>
    public void Complete()
    {
        if (_buffers is null)
        {
            return;
        }

        for (var p = 0; p < _blocks.Length; p++)
        {
            Flush(p);
        }

        _buffers = null;
    }

    /// <summary>Bytes in <paramref name="partition"/> (after <see cref="Complete"/>).</summary>
    public long Length(int partition) => _blocks[partition].Sum(b => (long)b.Length);

    /// <summary>Reads the whole of <paramref name="partition"/> into <paramref name="into"/> (<see cref="Length"/> bytes).</summary>
    public void Read(int partition, Span<byte> into)
    {
        var at = 0;
        foreach (var (offset, length) in _blocks[partition])
        {
            ScratchSpace.ReadExactly(_file, into.Slice(at, length), offset);
            at += length;
        }
    }

    public int BlockCount(int partition) => _blocks[partition].Count;

    /// <summary>Reads block <paramref name="block"/> of <paramref name="partition"/> into the start of <paramref name="into"/>; returns its length (at most <see cref="BufferBytes"/> for records no larger than that).</summary>
    public int ReadBlock(int partition, int block, Span<byte> into)
    {
        var (offset, length) = _blocks[partition][block];
        ScratchSpace.ReadExactly(_file, into[..length], offset);
        return length;
    }

    public void Dispose() => _scratch.Delete(_file);

    private void Flush(int partition)
    {
        var used = _used[partition];
        if (used == 0)
        {
            return;
        }

        var buffer = _buffers![partition]!;
        _scratch.Write(_file, buffer.AsSpan(0, used), _length);
        _blocks[partition].Add((_length, used));
        _length += used;
        _used[partition] = 0;
        if (buffer.Length != BufferBytes)
        {
            _buffers[partition] = null;
        }
    }
}
