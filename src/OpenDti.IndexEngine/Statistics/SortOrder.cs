using System.Buffers;

namespace OpenDti.IndexEngine.Statistics;

/// <summary>
/// The ascending order of a column without NaN: the positions 0 … n − 1 sorted by value. From 256 values on, an LSD
/// radix sort on the bits of the doubles mapped to unsigned integers that sort the same way (every bit of a negative
/// flipped, the sign bit of a positive set, −0 taken as +0): 8 passes of one byte, a pass skipped where every key has
/// the same byte. It is stable and, at 3,321 units, about five times faster than <c>Array.Sort(keys, items)</c>, which
/// was most of the audit's time on the large benchmark. Ties are contiguous either way, which is all the rank
/// functions rely on.
/// </summary>
internal static class SortOrder
{
    private const int RadixFrom = 256;
    private const ulong Sign = 1UL << 63;

    public static int[] Ascending(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        if (values.Length < RadixFrom)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(values.ToArray(), order);
            return order;
        }

        Radix(values, order);
        return order;
    }

    private static void Radix(ReadOnlySpan<double> values, int[] order)
    {
        var n = values.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var keys2 = ArrayPool<ulong>.Shared.Rent(n);
        var order2 = ArrayPool<int>.Shared.Rent(n);
        Span<int> counts = stackalloc int[8 * 256];
        counts.Clear();
        for (var i = 0; i < n; i++)
        {
            var key = Key(values[i]);
            keys[i] = key;
            order[i] = i;
            for (var b = 0; b < 8; b++)
            {
                counts[(b * 256) + (int)((key >> (8 * b)) & 0xFF)]++;
            }
        }

        var (fromKeys, fromOrder, toKeys, toOrder) = (keys, order, keys2, order2);
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
                toOrder[at] = fromOrder[i];
            }

            (fromKeys, fromOrder, toKeys, toOrder) = (toKeys, toOrder, fromKeys, fromOrder);
        }

        if (fromOrder != order)
        {
            Array.Copy(fromOrder, order, n);
        }

        ArrayPool<ulong>.Shared.Return(keys);
        ArrayPool<ulong>.Shared.Return(keys2);
        ArrayPool<int>.Shared.Return(order2);
    }

    private static ulong Key(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
        return (bits & Sign) != 0 ? ~bits : bits | Sign;
    }
}
