using System.Runtime.ExceptionServices;

namespace OpenDti.Dossiers.Input;

/// <summary>The engine's reading threads: long-running tasks, awaited together, whose failure surfaces as itself.</summary>
internal static class Workers
{
    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="count"/> threads and waits for all. A failure is rethrown as
    /// the exception the thread threw (a full disk, a cancellation), not wrapped in an <see cref="AggregateException"/>,
    /// so callers and the command line can say what happened.
    /// </summary>
    public static void Run(int count, Action<int> work, CancellationToken cancellationToken)
    {
        var tasks = Enumerable.Range(0, count)
            .Select(i => Task.Factory.StartNew(() => work(i), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            Task.WaitAll(tasks, cancellationToken);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
        }
    }
}
