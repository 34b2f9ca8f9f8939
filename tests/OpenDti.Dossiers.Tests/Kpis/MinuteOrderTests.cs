using OpenDti.Dossiers.Kpis;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Tests.Kpis;

/// <summary>
/// The medians walk every resolved dossier in increasing minutes, a replaced row's minute just before its
/// minute's others. Whichever way the order is made — counted in one pass, sorted, cut into ranges on disk,
/// ranges cut again, single minutes streamed — every value comes out once, in that order. Over a million values,
/// so some are read back from the temporary files.
/// </summary>
public sealed class MinuteOrderTests : IDisposable
{
    private readonly ScratchSpace _scratch = new(null);

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData(1 << 23, 1_000, 1_000)] // all counted in one pass
    [InlineData(1 << 23, 1_000, 9_000_000)] // minutes over more than 4 Mi: sorted
    [InlineData(20_000, 100_000, 100_000)] // ranges of minutes on disk, each counted
    [InlineData(20_000, 1_000, 9_000_000)] // dense ranges counted, the sparse wide tail sorted
    [InlineData(20_000, 5, 9_000_000)] // a histogram bucket too full: cut again, its minutes streamed
    [InlineData(1_000, 40, 40)] // every minute over a pass: streamed
    public void EveryValue_ComesOnce_InIncreasingMinutes_RemovedFirstInTheirMinute(int perPass, int hot, int spread)
    {
        var random = new Random(perPass ^ hot ^ spread);
        var expected = new List<MinuteEntry>();
        int[] mapA = [.. Enumerable.Range(0, 50).Select(c => c * 2)];
        int[] mapB = [.. Enumerable.Range(0, 50).Select(c => c * 2 + 1)];
        var a = Values(1_100_000, mapA);
        var b = Values(200_000, mapB);
        var removed = new LongBlocks(_scratch, "removed");
        for (var i = 0; i < 100_000; i++)
        {
            var taken = expected[random.Next(expected.Count)];
            removed.Add((ulong)taken.Minute << 32 | (uint)taken.Cell);
            expected.Add(taken with { Removed = true });
        }

        var entries = MinuteOrder.Ascending(
            [new MinuteSource(a, mapA, Removed: false), new MinuteSource(removed, null, Removed: true), new MinuteSource(b, mapB, Removed: false)],
            perPass, _scratch).ToList();

        for (var i = 1; i < entries.Count; i++)
        {
            var (before, after) = (entries[i - 1], entries[i]);
            Assert.True(before.Minute < after.Minute || (before.Minute == after.Minute && (before.Removed || !after.Removed)),
                $"entry {i}: {after} after {before}");
        }

        Assert.Equal(Sorted(expected), Sorted(entries));

        LongBlocks Values(int count, int[] map)
        {
            var values = new LongBlocks(_scratch, "values");
            for (var i = 0; i < count; i++)
            {
                var minute = (uint)(random.Next(10) < 9 ? random.Next(hot) : random.Next(spread));
                var cell = random.Next(map.Length);
                values.Add((ulong)minute << 32 | (uint)cell);
                expected.Add(new MinuteEntry(minute, map[cell], Removed: false));
            }

            return values;
        }

        static List<MinuteEntry> Sorted(IEnumerable<MinuteEntry> entries) =>
            [.. entries.OrderBy(e => e.Minute).ThenBy(e => e.Cell).ThenBy(e => e.Removed)];
    }

    [Fact]
    public void NoValues_NoEntries()
    {
        Assert.Empty(MinuteOrder.Ascending([new MinuteSource(new LongBlocks(_scratch, "none"), null, Removed: false)], 10, _scratch));
    }
}
