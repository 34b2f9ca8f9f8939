using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OpenDti.Dossiers.Spill;

/// <summary>
/// An append-only list of 64-bit values in blocks of 1 Mi (8 MB). Each full block goes to a temporary file
/// and its memory is reused, so the list holds one block however long it grows; reading walks the file in
/// pieces of 1 MB through one buffer, then the block still in memory.
/// </summary>
internal sealed class LongBlocks(ScratchSpace scratch, string name)
{
    public const int BlockSize = 1 << 20;

    private const int ReadSize = 1 << 17;

    private ulong[] _current = [];
    private int _used;
    private SafeFileHandle? _file;
    private long _fileBlocks;
    private ulong[]? _readBuffer;

    public void Add(ulong value)
    {
        if (_used == _current.Length)
        {
            Spill();
        }

        _current[_used++] = value;
    }

    /// <summary>
    /// The stored values, a piece at a time. A piece read back from the file shares one buffer with the next:
    /// use each before asking for the next.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<ulong>> Blocks()
    {
        for (long piece = 0; piece < _fileBlocks * (BlockSize / ReadSize); piece++)
        {
            var buffer = _readBuffer ??= GC.AllocateUninitializedArray<ulong>(ReadSize);
            ScratchSpace.ReadExactly(_file!, MemoryMarshal.AsBytes(buffer.AsSpan()), piece * ReadSize * sizeof(ulong));
            yield return buffer;
        }

        if (_used > 0)
        {
            yield return _current.AsMemory(0, _used);
        }
    }

    private void Spill()
    {
        if (_current.Length == 0)
        {
            _current = GC.AllocateUninitializedArray<ulong>(BlockSize);
            return;
        }

        _file ??= scratch.NewFile(name);
        var bytes = MemoryMarshal.AsBytes(_current.AsSpan());
        scratch.Write(_file, bytes, _fileBlocks * bytes.Length);
        _fileBlocks++;
        _used = 0;
    }
}
