using BenchmarkDotNet.Running;
using OpenDti.Benchmarks.Dossiers;

namespace OpenDti.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, or the dossier comparison with DuckDB (see README, "Benchmarks").</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.FirstOrDefault() == "dossiers")
        {
            return DossierBench.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
