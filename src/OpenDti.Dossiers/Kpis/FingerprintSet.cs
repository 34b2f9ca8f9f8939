namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// The 64-bit hashes of the dossier ids one thread has seen, to find ids that occur twice in one pass:
/// 8 bytes a slot, at most 70 % full (about 11.4 bytes per dossier). The table is sized from the expected
/// number of rows so that it rarely grows (growing briefly holds both tables). Zero marks an empty slot,
/// so a hash of zero is stored as one — a collision at worst, which the duplicate check resolves.
/// </summary>
internal sealed class FingerprintSet
{
    private ulong[] _slots;
    private int _count;

    public FingerprintSet(long expected)
    {
        _slots = new ulong[CapacityFor(Math.Max(expected, 1024))];
    }

    public int Count => _count;

    /// <summary>Adds a fingerprint; false if it was there already.</summary>
    public bool Add(ulong fingerprint)
    {
        fingerprint = fingerprint == 0 ? 1 : fingerprint;
        var slots = _slots;
        var slot = Slot(fingerprint, slots.Length);
        while (true)
        {
            var existing = slots[slot];
            if (existing == 0)
            {
                break;
            }

            if (existing == fingerprint)
            {
                return false;
            }

            slot = slot + 1 == slots.Length ? 0 : slot + 1;
        }

        slots[slot] = fingerprint;
        _count++;
        if (_count > (long)slots.Length * 7 / 10)
        {
            Grow();
        }

        return true;
    }

    public bool Contains(ulong fingerprint)
    {
        fingerprint = fingerprint == 0 ? 1 : fingerprint;
        var slots = _slots;
        var slot = Slot(fingerprint, slots.Length);
        while (true)
        {
            var existing = slots[slot];
            if (existing == fingerprint)
            {
                return true;
            }

            if (existing == 0)
            {
                return false;
            }

            slot = slot + 1 == slots.Length ? 0 : slot + 1;
        }
    }

    /// <summary>The table itself, zero for an empty slot (to scan it in parallel).</summary>
    public ReadOnlyMemory<ulong> Slots => _slots;

    /// <summary>Every stored fingerprint (a hash of zero reads as one).</summary>
    public IEnumerable<ulong> Items()
    {
        foreach (var value in _slots)
        {
            if (value != 0)
            {
                yield return value;
            }
        }
    }

    // Lemire's multiply-shift maps the hash onto any table length, so the table need not be a power of two.
    private static int Slot(ulong fingerprint, int length) => (int)((fingerprint >> 32) * (ulong)length >> 32);

    private static int CapacityFor(long count) => (int)Math.Min(Array.MaxLength, count * 10 / 7 + 64);

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[CapacityFor((long)_count * 2)];
        _count = 0;
        foreach (var value in old)
        {
            if (value != 0)
            {
                Add(value);
            }
        }
    }
}
