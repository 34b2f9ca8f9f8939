namespace OpenDti.IndexEngine.Pipeline;

/// <summary>
/// Loops over columns (indicators, nodes, child–parent pairs) that run in parallel only when the table is large enough
/// to repay it: on the 34-unit example, handing 12 columns to the thread pool costs more than computing them. Every
/// body writes only its own slot, so the result never depends on the thread count.
/// </summary>
internal static class ColumnParallelism
{
    /// <summary>Columns × units from which a loop runs in parallel (the large benchmark has 664,200; the example 408).</summary>
    private const long ParallelFrom = 20_000;

    public static void For(int columns, int units, Action<int> body)
    {
        if ((long)columns * units < ParallelFrom)
        {
            for (var i = 0; i < columns; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, columns, body);
    }

    /// <summary>The same, with per-thread scratch made by <paramref name="scratch"/>.</summary>
    public static void For<TScratch>(int columns, int units, Func<TScratch> scratch, Action<int, TScratch> body)
    {
        if ((long)columns * units < ParallelFrom)
        {
            var local = scratch();
            for (var i = 0; i < columns; i++)
            {
                body(i, local);
            }

            return;
        }

        Parallel.For(0, columns, scratch, (i, _, local) =>
        {
            body(i, local);
            return local;
        }, _ => { });
    }
}
