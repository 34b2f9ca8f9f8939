using System.Text;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// Gives each distinct code (unit, procedure) a small integer, looked up from the row's bytes without
/// making a string: open addressing on the code's hash, the bytes compared on a match. One per thread.
/// </summary>
internal sealed class CodeTable
{
    private int[] _slots = new int[64];
    private ulong[] _hashes = new ulong[32];
    private byte[][] _codes = new byte[32][];

    public CodeTable()
    {
        Array.Fill(_slots, -1);
    }

    public int Count { get; private set; }

    public string CodeOf(int id) => Encoding.UTF8.GetString(_codes[id]);

    /// <summary>The id of <paramref name="code"/>, and whether it was new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> code, out bool added)
    {
        var hash = ByteHash.Of(code);
        var mask = _slots.Length - 1;
        var slot = (int)hash & mask;
        while (true)
        {
            var id = _slots[slot];
            if (id < 0)
            {
                break;
            }

            if (_hashes[id] == hash && code.SequenceEqual(_codes[id]))
            {
                added = false;
                return id;
            }

            slot = (slot + 1) & mask;
        }

        added = true;
        var newId = Count++;
        if (newId == _codes.Length)
        {
            Array.Resize(ref _codes, newId * 2);
            Array.Resize(ref _hashes, newId * 2);
        }

        _codes[newId] = code.ToArray();
        _hashes[newId] = hash;
        _slots[slot] = newId;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return newId;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        Array.Fill(_slots, -1);
        var mask = _slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = (int)_hashes[id] & mask;
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = id;
        }
    }
}
