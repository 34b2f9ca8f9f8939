using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenDti.Dossiers.Synthetic;

namespace OpenDti.Benchmarks.Dossiers;

/// <summary>
/// <c>dossiers generate --rows N --out DIR [--seed S] [--repeated SHARE] [--units U]</c> writes a synthetic export, catalogue and
/// unit hierarchy; <c>dossiers compare --dir DIR [--runs R] [--threads T] [--opendti PATH]</c> runs, in turns,
/// <c>OpenDti dossiers kpis</c> in a child process (its peak resident memory from GNU time) and DuckDB in this
/// process on the same files, prints the times, the ratio and the memory, and checks every KPI value is identical.
/// </summary>
internal static class DossierBench
{
    public static int Run(string[] args)
    {
        var options = Options(args.Skip(1));
        return args.FirstOrDefault() switch
        {
            "generate" => Generate(options),
            "compare" => Compare(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("dossiers generate --rows N --out DIR [--seed S] [--repeated SHARE] [--units U (34: provinces only)]");
        Console.Error.WriteLine("dossiers compare --dir DIR [--runs R] [--threads T] [--opendti PATH/OpenDti.dll]");
        return 2;
    }

    private static int Generate(Dictionary<string, string> options)
    {
        var rows = long.Parse(options.GetValueOrDefault("rows", "10000000"), CultureInfo.InvariantCulture);
        var dir = options.GetValueOrDefault("out", "dossier-bench");
        Directory.CreateDirectory(dir);
        var export = new SyntheticExport(int.Parse(options.GetValueOrDefault("seed", "749"), CultureInfo.InvariantCulture))
        {
            RepeatedShare = double.Parse(options.GetValueOrDefault("repeated", "0"), CultureInfo.InvariantCulture),
            Units = int.Parse(options.GetValueOrDefault("units", "4000"), CultureInfo.InvariantCulture),
        };
        var clock = Stopwatch.StartNew();
        using (var writer = new StreamWriter(Path.Combine(dir, "catalogue.csv"), false, new UTF8Encoding(false)))
        {
            export.WriteCatalogue(writer);
        }

        using (var writer = new StreamWriter(Path.Combine(dir, "units.csv"), false, new UTF8Encoding(false)))
        {
            export.WriteUnits(writer);
        }

        using (var stream = File.Create(Path.Combine(dir, "dossiers.csv")))
        {
            export.WriteDossiers(stream, rows);
        }

        var size = new FileInfo(Path.Combine(dir, "dossiers.csv")).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {size / 1e6:N0} MB → {dir} ({clock.Elapsed.TotalSeconds:0} s)"));
        return 0;
    }

    private static int Compare(Dictionary<string, string> options)
    {
        var dir = options.GetValueOrDefault("dir", "dossier-bench");
        var runs = int.Parse(options.GetValueOrDefault("runs", "3"), CultureInfo.InvariantCulture);
        var threads = int.Parse(options.GetValueOrDefault("threads", "2"), CultureInfo.InvariantCulture);
        var openDti = options.GetValueOrDefault("opendti") ?? FindOpenDti();
        var (dossiers, catalogue, units) = (Path.Combine(dir, "dossiers.csv"), Path.Combine(dir, "catalogue.csv"), Path.Combine(dir, "units.csv"));
        var ours = Path.Combine(dir, "kpis-opendti.csv");
        var size = new FileInfo(dossiers).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dossiers}: {size / 1e6:N0} MB; {threads} threads; {Environment.ProcessorCount} cores; {runs} runs each, in turns"));

        var ourTimes = new List<double>();
        var duckTimes = new List<double>();
        var duckDedupTimes = new List<double>();
        // The reference is DuckDB with the last row per dossier: the same semantics as ours (a later row of a dossier
        // replaces its earlier one). On a file without repeated ids the streaming query gives the same rows, faster.
        List<DuckDbKpis.Row>? reference = null;
        var ourPeak = 0.0;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            ourPeak = Math.Max(ourPeak, RunOpenDti(openDti, dossiers, catalogue, units, ours, threads, dir));
            ourTimes.Add(clock.Elapsed.TotalSeconds);

            clock.Restart();
            var streaming = DuckDbKpis.Compute(dossiers, catalogue, units, threads, lastRowPerDossier: false);
            duckTimes.Add(clock.Elapsed.TotalSeconds);

            clock.Restart();
            reference = DuckDbKpis.Compute(dossiers, catalogue, units, threads, lastRowPerDossier: true);
            duckDedupTimes.Add(clock.Elapsed.TotalSeconds);
            if (run == 0 && KpiComparison.Differences(streaming, reference, "DuckDB streaming", "DuckDB last row per dossier") is { Count: > 0 } d)
            {
                Console.WriteLine($"DuckDB's two queries differ in {d.Count} places (the file repeats dossier ids; the last-row one is the reference), e.g.:");
                d.Take(3).ToList().ForEach(Console.WriteLine);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: OpenDTI {ourTimes[^1]:0.00} s, DuckDB {duckTimes[^1]:0.00} s, DuckDB with last row per dossier {duckDedupTimes[^1]:0.00} s"));
        }

        var differences = KpiComparison.Differences(KpiComparison.ReadOurs(ours), reference!, "OpenDTI", "DuckDB (last row per dossier)");
        var ourBest = ourTimes.Min();
        var duckBest = duckTimes.Min();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OpenDTI dossiers kpis: best {ourBest:0.00} s ({size / 1e6 / ourBest:N0} MB/s), median {Median(ourTimes):0.00} s, peak RSS {(double.IsNaN(ourPeak) ? "not measured (install Debian's time package: /usr/bin/time)" : ourPeak.ToString("N0", CultureInfo.InvariantCulture) + " MB")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DuckDB (streaming, every row): best {duckBest:0.00} s, median {Median(duckTimes):0.00} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DuckDB (table, last row per dossier): best {duckDedupTimes.Min():0.00} s, median {Median(duckDedupTimes):0.00} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"this process (DuckDB in it) peak RSS {SelfPeakRssMegabytes():N0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio DuckDB / OpenDTI (best times): {duckBest / ourBest:0.00} against streaming DuckDB, {duckDedupTimes.Min() / ourBest:0.00} against the same semantics"));
        Console.WriteLine(differences.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"KPI values identical to DuckDB's (last row per dossier): {reference!.Count:N0} rows, every column")
            : $"KPI values DIFFER in {differences.Count} places, e.g.:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(10))}");
        return differences.Count == 0 ? 0 : 1;
    }

    /// <returns>The child's peak resident memory in MB, measured by GNU time; NaN without /usr/bin/time.</returns>
    /// <remarks>
    /// Not getrusage(RUSAGE_CHILDREN): a child forked from this process counts this process's pages until it execs, so
    /// with DuckDB's gigabytes resident here that figure would be DuckDB's, not the child's.
    /// </remarks>
    private static double RunOpenDti(string openDti, string dossiers, string catalogue, string units, string output, int threads, string dir)
    {
        const string GnuTime = "/usr/bin/time";
        var measured = File.Exists(GnuTime);
        var peakFile = Path.Combine(dir, "opendti-peak-kb.txt");
        var start = new ProcessStartInfo(measured ? GnuTime : "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (measured ? new[] { "-f", "%M", "-o", peakFile, "dotnet" } : [])
            .Concat([openDti, "dossiers", "kpis", "--input", dossiers, "--catalogue", catalogue, "--units", units, "--out", output, "--threads", threads.ToString(CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"OpenDti dossiers kpis failed ({process.ExitCode}): {stderr.Result}");
        }

        Console.Write("  " + stdout.Result);
        return measured ? long.Parse(File.ReadAllText(peakFile).Trim(), CultureInfo.InvariantCulture) / 1024.0 : double.NaN;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // The OpenDti project's build output, from the repository root above the working directory.
    private static string FindOpenDti()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenDti.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "OpenDti", "bin", "Release", "net10.0", "OpenDti.dll");
            }
        }

        throw new InvalidOperationException("OpenDti.slnx not found above the working directory; pass --opendti PATH/OpenDti.dll");
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var list = args.ToList();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            options[list[i].TrimStart('-')] = list[i + 1];
        }

        return options;
    }

    private static double SelfPeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
