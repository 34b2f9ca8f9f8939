namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// An append-only list of 64-bit values in blocks of 1 Mi (8 MB), so growing never copies and never
/// holds two large arrays at once.
/// </summary>
internal sealed class LongBlocks
{
    public const int BlockSize = 1 << 20;

    private readonly List<ulong[]> _blocks = [];
    private ulong[] _current = [];
    private int _used = BlockSize;

    public long Count { get; private set; }

    public void Add(ulong value)
    {
        if (_used == BlockSize)
        {
            _current = GC.AllocateUninitializedArray<ulong>(BlockSize);
            _blocks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }

    /// <summary>The stored values, block by block (the last one cut to its length).</summary>
    public IEnumerable<ReadOnlyMemory<ulong>> Blocks()
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            yield return i == _blocks.Count - 1 ? _blocks[i].AsMemory(0, _used) : _blocks[i];
        }
    }
}
