using System.Collections.Concurrent;
using OpenDti.IndexEngine.Statistics;

namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>Runs the A, B and A_B⁽ⁱ⁾ evaluations of a Saltelli design in parallel, deterministically.</summary>
internal static class MonteCarloRunner
{
    /// <summary>
    /// Output arrays: [0] = f(A), [1] = f(B), [2 + i] = f(A_B⁽ⁱ⁾), each of length n, with f = mean |rank − nominal rank|
    /// over the units ranked in both; and every unit's ranks over all evaluations (evaluation j (k + 2) + m of
    /// sample j and matrix m, so its slot does not depend on the thread that ran it).
    /// </summary>
    public static (double[][] Outputs, RankDistribution Ranks) Run(MonteCarloModel model, int n, MonteCarloSettings settings, int[] nominal)
    {
        var k = model.Factors.Length;
        var outputs = new double[k + 2][];
        for (var m = 0; m < outputs.Length; m++)
        {
            outputs[m] = new double[n];
        }

        var ranks = new RankDistribution(model.UnitCount, checked(n * (k + 2)));
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };

        // Parallel.For calls the local init once per task, and it replaces tasks as it goes (6 for 100 samples on
        // 2 threads of the large set): a worker (a node-values table) handed back is reused rather than made again
        var idle = new ConcurrentBag<Worker>();
        Parallel.For(
            0,
            n,
            options,
            () => idle.TryTake(out var worker) ? worker : new Worker(model, ranks),
            (j, _, worker) =>
            {
                var first = j * (k + 2);
                worker.Draw(settings.Seed, j);
                outputs[0][j] = worker.Evaluate(first, worker.A, nominal);
                outputs[1][j] = worker.Evaluate(first + 1, worker.B, nominal);
                for (var i = 0; i < k; i++)
                {
                    var (_, start, length) = model.Factors[i];
                    worker.A.CopyTo(worker.Mixed, 0);
                    Array.Copy(worker.B, start, worker.Mixed, start, length);
                    outputs[2 + i][j] = worker.Evaluate(first + 2 + i, worker.Mixed, nominal);
                }

                return worker;
            },
            idle.Add);

        // every worker is back in the bag once the loop is done
        foreach (var worker in idle)
        {
            ranks.Merge(worker.Part);
        }

        return (outputs, ranks);
    }

    /// <summary>One thread's buffers; all results depend only on (seed, j), never on which worker ran j.</summary>
    private sealed class Worker(MonteCarloModel model, RankDistribution distribution)
    {
        private readonly double[][] _values = model.NewValues();
        private readonly double[] _weights = new double[model.Meta.Count];
        private readonly int[] _ranks = new int[model.UnitCount];

        public RankDistribution Part { get; } = distribution.ForWorker();

        public double[] A { get; } = new double[model.Dimensions];

        public double[] B { get; } = new double[model.Dimensions];

        public double[] Mixed { get; } = new double[model.Dimensions];

        public void Draw(ulong seed, long j)
        {
            var a = new SplitMix64(SplitMix64.Derive(seed, checked((ulong)(2 * j))));
            var b = new SplitMix64(SplitMix64.Derive(seed, checked((ulong)((2 * j) + 1))));
            for (var d = 0; d < A.Length; d++)
            {
                A[d] = a.NextDouble();
                B[d] = b.NextDouble();
            }
        }

        public double Evaluate(int evaluation, double[] draw, int[] nominal)
        {
            model.Evaluate(draw, _values, _weights);
            var scores = _values[model.Target];
            if (scores.Length <= 64)
            {
                Ranks.Descending(scores, _ranks);
            }
            else
            {
                Ranks.DescendingSorted(scores, _ranks);
            }

            Part.Add(evaluation, _ranks);
            double sum = 0;
            var count = 0;
            for (var u = 0; u < _ranks.Length; u++)
            {
                if (_ranks[u] > 0 && nominal[u] > 0)
                {
                    sum += Math.Abs(_ranks[u] - nominal[u]);
                    count++;
                }
            }

            return count == 0 ? double.NaN : sum / count;
        }
    }
}
