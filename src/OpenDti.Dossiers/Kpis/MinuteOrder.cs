using System.Runtime.InteropServices;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Kpis;

/// <summary>A resolved dossier's processing minutes and its table cell; <see cref="Removed"/>: a replaced row's, to take out.</summary>
internal readonly record struct MinuteEntry(uint Minute, int Cell, bool Removed);

/// <summary>
/// Every resolved dossier in increasing minutes, the removed ones of a minute before its others, with a bounded
/// part of them in memory: a distribution sort. Values are keys <c>minute &lt;&lt; 32 | kept bit | table cell</c>.
/// When they fit (4 bytes each, up to 3 × <c>perPass</c>), they are counted per minute and placed (a counting
/// sort), or loaded and sorted when the minutes span more than 4 Mi (some 8 years) and at most <c>perPass</c> are
/// there. Otherwise a histogram of the minutes cuts them into at most 1,024 ranges of at most <c>perPass</c>
/// values (or 1/1,024 of them), one pass writes each range to its own partition on disk, and each range is
/// ordered the same way in turn; a single minute with too many values is streamed, as order within a minute
/// does not matter. Disk traffic is a few times the values; memory, one range.
/// </summary>
internal static class MinuteOrder
{
    private const long CountingLimit = 1 << 22;
    private const long HistogramBuckets = 1 << 21;
    private const int MaxRanges = 1024;
    private const ulong Kept = 0x8000_0000;
    private const int PieceSize = 1 << 17;

    public static IEnumerable<MinuteEntry> Ascending(IReadOnlyList<MinuteSource> sources, long perPass, ScratchSpace scratch)
    {
        var keys = GC.AllocateUninitializedArray<ulong>(PieceSize);
        return Order(() => Keys(sources, keys), perPass, scratch, new Buffers());
    }

    private static IEnumerable<MinuteEntry> Order(Func<IEnumerable<ReadOnlyMemory<ulong>>> blocks, long perPass, ScratchSpace scratch, Buffers buffers)
    {
        long total = 0;
        var (min, max) = (ulong.MaxValue, 0UL);
        foreach (var block in blocks())
        {
            total += block.Length;
            foreach (var key in block.Span)
            {
                (min, max) = (Math.Min(min, key >> 32), Math.Max(max, key >> 32));
            }
        }

        if (total == 0)
        {
            return [];
        }

        var span = (long)(max - min + 1);
        return span <= CountingLimit && total <= 3 * perPass ? Counted(blocks, (long)min, span, total, buffers)
            : total <= perPass ? Sorted(blocks, total, buffers)
            : min == max ? Streamed(blocks)
            : Distributed(blocks, (long)min, span, total, perPass, scratch, buffers);
    }

    // A counter per minute, then the cells placed by minute: removed values first, then the others.
    private static IEnumerable<MinuteEntry> Counted(Func<IEnumerable<ReadOnlyMemory<ulong>>> blocks, long min, long span, long total, Buffers buffers)
    {
        var starts = buffers.Starts(span + 1);
        foreach (var block in blocks())
        {
            foreach (var key in block.Span)
            {
                starts[(long)(key >> 32) - min + 1]++;
            }
        }

        for (var m = 1; m <= span; m++)
        {
            starts[m] += starts[m - 1];
        }

        var cells = buffers.Cells(total);
        var next = buffers.Next(starts, span + 1);
        foreach (var kept in (ulong[])[0, Kept])
        {
            foreach (var block in blocks())
            {
                foreach (var key in block.Span)
                {
                    if ((key & Kept) == kept)
                    {
                        cells[next[(long)(key >> 32) - min]++] = kept == 0 ? ~(int)(key & 0x7FFF_FFFF) : (int)(key & 0x7FFF_FFFF);
                    }
                }
            }
        }

        for (var m = 0; m < span; m++)
        {
            for (var i = starts[m]; i < starts[m + 1]; i++)
            {
                var cell = cells[i];
                yield return new MinuteEntry((uint)(min + m), cell < 0 ? ~cell : cell, cell < 0);
            }
        }
    }

    // Minutes spread too wide to count: the keys sorted, the kept bit clear on removed values puts them first in their minute.
    private static IEnumerable<MinuteEntry> Sorted(Func<IEnumerable<ReadOnlyMemory<ulong>>> blocks, long total, Buffers buffers)
    {
        var keys = buffers.Keys(total);
        var at = 0;
        foreach (var block in blocks())
        {
            block.Span.CopyTo(keys.AsSpan(at));
            at += block.Length;
        }

        Array.Sort(keys, 0, (int)total);
        return keys.Take((int)total).Select(Entry);
    }

    // One minute: its removed values, then the others, block by block.
    private static IEnumerable<MinuteEntry> Streamed(Func<IEnumerable<ReadOnlyMemory<ulong>>> blocks)
    {
        var found = new List<MinuteEntry>();
        foreach (var kept in (ulong[])[0, Kept])
        {
            foreach (var block in blocks())
            {
                found.Clear();
                foreach (var key in block.Span)
                {
                    if ((key & Kept) == kept)
                    {
                        found.Add(Entry(key));
                    }
                }

                // A block read from disk shares its buffer with the next one: what it gave is handed on before reading on.
                foreach (var entry in found)
                {
                    yield return entry;
                }
            }
        }
    }

    private static IEnumerable<MinuteEntry> Distributed(Func<IEnumerable<ReadOnlyMemory<ulong>>> blocks, long min, long span, long total, long perPass, ScratchSpace scratch, Buffers buffers)
    {
        var width = (span + HistogramBuckets - 1) / HistogramBuckets;
        var histogram = new long[(span + width - 1) / width];
        foreach (var block in blocks())
        {
            foreach (var key in block.Span)
            {
                histogram[((long)(key >> 32) - min) / width]++;
            }
        }

        // Ranges of whole buckets, each at most `target` values, or one bucket with more (ordered again on its own).
        var target = Math.Max(perPass, (total + MaxRanges - 1) / MaxRanges);
        var firstBucket = new List<int> { 0 };
        long sum = 0;
        for (var b = 0; b < histogram.Length; b++)
        {
            if (sum > 0 && sum + histogram[b] > target)
            {
                firstBucket.Add(b);
                sum = 0;
            }

            sum += histogram[b];
        }

        var rangeOf = new int[histogram.Length];
        for (var r = 0; r < firstBucket.Count; r++)
        {
            var end = r + 1 < firstBucket.Count ? firstBucket[r + 1] : histogram.Length;
            rangeOf.AsSpan(firstBucket[r], end - firstBucket[r]).Fill(r);
        }

        var ranges = new PartitionSpill(scratch, firstBucket.Count, Math.Clamp((4 << 20) / firstBucket.Count / 8 * 8, 16 << 10, 1 << 20));
        try
        {
            foreach (var block in blocks())
            {
                foreach (var key in block.Span)
                {
                    MemoryMarshal.Write(ranges.Reserve(rangeOf[((long)(key >> 32) - min) / width], sizeof(ulong)), key);
                }
            }

            ranges.Complete();
            for (var r = 0; r < firstBucket.Count; r++)
            {
                var range = r;
                foreach (var entry in Order(() => RangeBlocks(ranges, range), perPass, scratch, buffers))
                {
                    yield return entry;
                }
            }
        }
        finally
        {
            ranges.Dispose();
        }
    }

    private static IEnumerable<ReadOnlyMemory<ulong>> RangeBlocks(PartitionSpill ranges, int range)
    {
        var buffer = GC.AllocateUninitializedArray<ulong>(ranges.BufferBytes / sizeof(ulong));
        for (var b = 0; b < ranges.BlockCount(range); b++)
        {
            var length = ranges.ReadBlock(range, b, MemoryMarshal.AsBytes(buffer.AsSpan()));
            yield return buffer.AsMemory(0, length / sizeof(ulong));
        }
    }

    // The stored values as keys, their cells in the table's numbering, a piece at a time through one buffer.
    private static IEnumerable<ReadOnlyMemory<ulong>> Keys(IReadOnlyList<MinuteSource> sources, ulong[] buffer)
    {
        foreach (var source in sources)
        {
            var kept = source.Removed ? 0 : Kept;
            foreach (var block in source.Values.Blocks())
            {
                for (var from = 0; from < block.Length; from += buffer.Length)
                {
                    var values = block.Span.Slice(from, Math.Min(buffer.Length, block.Length - from));
                    for (var i = 0; i < values.Length; i++)
                    {
                        var cell = (uint)values[i];
                        buffer[i] = (values[i] & 0xFFFF_FFFF_0000_0000) | kept | (source.CellMap is { } map ? (uint)map[cell] : cell);
                    }

                    yield return buffer.AsMemory(0, values.Length);
                }
            }
        }
    }

    /// <summary>
    /// The arrays one range is ordered in, kept for the next range rather than made anew (ranges are ordered one
    /// after the other, so one set serves them all; large arrays left to the collector would pile up meanwhile).
    /// </summary>
    private sealed class Buffers
    {
        private int[] _starts = [];
        private int[] _next = [];
        private int[] _cells = [];
        private ulong[] _keys = [];

        public int[] Starts(long length)
        {
            Fit(ref _starts, length);
            Array.Clear(_starts, 0, (int)length);
            return _starts;
        }

        public int[] Next(int[] starts, long length)
        {
            Fit(ref _next, length);
            Array.Copy(starts, _next, length);
            return _next;
        }

        public int[] Cells(long length) => Fit(ref _cells, length);

        public ulong[] Keys(long length) => Fit(ref _keys, length);

        private static T[] Fit<T>(ref T[] array, long length) =>
            array.Length >= length ? array : array = GC.AllocateUninitializedArray<T>(checked((int)length));
    }

    private static MinuteEntry Entry(ulong key) => new((uint)(key >> 32), (int)(key & 0x7FFF_FFFF), (key & Kept) == 0);
}
