using BenchmarkDotNet.Running;

namespace OpenDti.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (see README, "Benchmarks").</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
