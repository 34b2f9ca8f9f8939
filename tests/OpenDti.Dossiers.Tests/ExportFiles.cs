using System.Text;
using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Kpis;

namespace OpenDti.Dossiers.Tests;

/// <summary>Writes small hand-made exports to a temporary folder and computes their KPIs.</summary>
internal sealed class ExportFiles : IDisposable
{
    public const string Header = "dossier_id,procedure_code,unit_code,channel,received_at,due_at,finished_at,status";

    public const string Catalogue = """
        procedure_code,name,sector,service_level
        P1,"Cấp giấy phép xây dựng, sửa chữa nhà ở",Xây dựng,full
        P2,"Đăng ký khai sinh",Hộ tịch,partial
        P3,"Cấp lại giấy phép lái xe",Giao thông vận tải,4
        """;

    public const string Units = """
        code,parent_code
        01,VN
        01001,01
        01002,01
        """;

    public ExportFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "opendti-dossiers-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    public static ProcedureCatalogue LoadCatalogue() => ProcedureCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(Catalogue)), "catalogue.csv").Catalogue!;

    public static UnitHierarchy LoadUnits() => UnitHierarchy.Load(new MemoryStream(Encoding.UTF8.GetBytes(Units)), "units.csv").Units!;

    public DossierKpiResult Compute(string text, bool bom = false, bool skipInvalid = false, int threads = 1, int chunkBytes = DossierKpiOptions.DefaultChunkBytes,
        Func<DossierKpiOptions, DossierKpiOptions>? adjust = null)
    {
        var path = Write("dossiers.csv", text, bom);
        return DossierKpis.Compute(path, (adjust ?? (o => o))(new DossierKpiOptions
        {
            Catalogue = LoadCatalogue(),
            Units = LoadUnits(),
            SkipInvalid = skipInvalid,
            RejectedRowsPath = skipInvalid ? Path.Combine(Directory, "out", "kpis.rejected.csv") : null,
            Threads = threads,
            ChunkBytes = chunkBytes,
            SourceName = "dossiers.csv",
        }), TestContext.Current.CancellationToken);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
