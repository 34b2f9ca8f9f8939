using OpenDti.Benchmarks.Dossiers;
using OpenDti.Dossiers.Kpis;
using OpenDti.Dossiers.Output;
using OpenDti.Dossiers.Synthetic;

namespace OpenDti.Dossiers.Tests.Kpis;

/// <summary>
/// Our KPIs and DuckDB's (the benchmark's reference query) on the same generated file of 100,000 rows, 1 % of
/// them later states of earlier dossiers: every value identical. Speed is measured in bench/, not here.
/// </summary>
public sealed class DuckDbIdentityTests : IDisposable
{
    private readonly ExportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void GeneratedExport_SameKpisAsDuckDb_ValueForValue()
    {
        var export = new SyntheticExport(seed: 20260401) { Procedures = 300, Units = 600, RepeatedShare = 0.01 };
        var (dossiers, catalogue, units) = (Path.Combine(_files.Directory, "d.csv"), Path.Combine(_files.Directory, "c.csv"), Path.Combine(_files.Directory, "u.csv"));
        using (var stream = File.Create(dossiers))
        {
            export.WriteDossiers(stream, 100_000);
        }

        File.WriteAllText(catalogue, Written(export.WriteCatalogue));
        File.WriteAllText(units, Written(export.WriteUnits));
        var options = new DossierKpiOptions
        {
            Catalogue = ExportFilesLoad.Catalogue(catalogue),
            Units = ExportFilesLoad.Units(units),
            Threads = 2,
            ChunkBytes = 1 << 20,
        };

        var ours = DossierKpis.Compute(dossiers, options, TestContext.Current.CancellationToken);
        var kpis = Path.Combine(_files.Directory, "kpis.csv");
        KpiFiles.Write(ours, kpis);
        var duck = DuckDbKpis.Compute(dossiers, catalogue, units, threads: 2, lastRowPerDossier: true);

        Assert.True(ours.ReplacedRows > 500, $"the file should repeat dossiers; it repeated {ours.ReplacedRows}");
        Assert.Empty(KpiComparison.Differences(KpiComparison.ReadOurs(kpis), duck, "OpenDTI", "DuckDB"));
        Assert.Equal(duck.Count, ours.Rows.Count);
    }

    private static string Written(Action<TextWriter> write)
    {
        var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }

    private static class ExportFilesLoad
    {
        public static OpenDti.Dossiers.Input.ProcedureCatalogue Catalogue(string path)
        {
            using var stream = File.OpenRead(path);
            return OpenDti.Dossiers.Input.ProcedureCatalogue.Load(stream, "c.csv").Catalogue!;
        }

        public static OpenDti.Dossiers.Input.UnitHierarchy Units(string path)
        {
            using var stream = File.OpenRead(path);
            return OpenDti.Dossiers.Input.UnitHierarchy.Load(stream, "u.csv").Units!;
        }
    }
}
