using System.Buffers;

namespace OpenDti.IndexEngine.Statistics;

/// <summary>
/// Sorts positions by their values (none NaN) with an LSD radix sort on the bits of the doubles mapped to unsigned
/// integers that sort the same way: every bit of a negative flipped, the sign bit of a positive set, −0 taken as +0.
/// Eight passes of one byte, a pass skipped where every key has the same byte: O(n) whatever the distribution.
/// </summary>
internal static class RadixOrder
{
    private const ulong Sign = 1UL << 63;

    /// <summary>Reorders <paramref name="order"/> (positions in <paramref name="values"/>) by ascending value.</summary>
    public static void Sort(ReadOnlySpan<double> values, Span<int> order)
    {
        var n = order.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var keys2 = ArrayPool<ulong>.Shared.Rent(n);
        var items = ArrayPool<int>.Shared.Rent(n);
        var items2 = ArrayPool<int>.Shared.Rent(n);
        Span<int> counts = stackalloc int[8 * 256];
        counts.Clear();
        for (var i = 0; i < n; i++)
        {
            var key = Key(values[order[i]]);
            keys[i] = key;
            items[i] = order[i];
            for (var b = 0; b < 8; b++)
            {
                counts[(b * 256) + (int)((key >> (8 * b)) & 0xFF)]++;
            }
        }

        var (fromKeys, fromItems, toKeys, toItems) = (keys, items, keys2, items2);
        for (var b = 0; b < 8; b++)
        {
            var count = counts.Slice(b * 256, 256);
            if (count.Contains(n))
            {
                continue;
            }

            var offset = 0;
            for (var d = 0; d < 256; d++)
            {
                (count[d], offset) = (offset, offset + count[d]);
            }

            var shift = 8 * b;
            for (var i = 0; i < n; i++)
            {
                var key = fromKeys[i];
                var at = count[(int)((key >> shift) & 0xFF)]++;
                toKeys[at] = key;
                toItems[at] = fromItems[i];
            }

            (fromKeys, fromItems, toKeys, toItems) = (toKeys, toItems, fromKeys, fromItems);
        }

        fromItems.AsSpan(0, n).CopyTo(order);
        ArrayPool<ulong>.Shared.Return(keys);
        ArrayPool<ulong>.Shared.Return(keys2);
        ArrayPool<int>.Shared.Return(items);
        ArrayPool<int>.Shared.Return(items2);
    }

    private static ulong Key(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
        return (bits & Sign) != 0 ? ~bits : bits | Sign;
    }
}
