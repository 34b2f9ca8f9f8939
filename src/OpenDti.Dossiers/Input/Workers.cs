using System.Runtime.ExceptionServices;

namespace OpenDti.Dossiers.Input;

/// <summary>The engine's reading threads: long-running tasks, awaited together, whose failure surfaces as itself.</summary>
internal static class Workers
{
    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="count"/> threads and waits for all. When one fails the others are
    /// told to stop (through the token they are given) rather than read on to the end, and the failure is rethrown as the
    /// exception that thread threw (a full disk, say), not wrapped in an <see cref="AggregateException"/> nor hidden behind
    /// the others' cancellations, so callers and the command line can say what happened.
    /// </summary>
    public static void Run(int count, Action<int, CancellationToken> work, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, count)
            .Select(i => Task.Factory.StartNew(() =>
            {
                try
                {
                    work(i, failed.Token);
                }
                catch
                {
                    failed.Cancel();
                    throw;
                }
            }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            Task.WaitAll(tasks, cancellationToken);
        }
        catch (AggregateException e)
        {
            var inner = e.Flatten().InnerExceptions;
            var first = inner.FirstOrDefault(x => x is not OperationCanceledException) ?? inner[0];
            ExceptionDispatchInfo.Throw(first);
        }
    }
}
