using OpenDti.Domain.Problems;

namespace OpenDti.Dossiers.Input;

/// <summary>How far a procedure can be done online: partly ("level 3") or entirely ("level 4", toàn trình).</summary>
public enum ServiceLevel
{
    Partial,
    Full,
}

/// <summary>One administrative procedure (thủ tục hành chính) of the catalogue.</summary>
public sealed record Procedure(string Code, string Name, string Sector, ServiceLevel Level);

/// <summary>
/// The procedure catalogue: <c>procedure_code, name, sector, service_level</c> (any order; Vietnamese names
/// <c>mã thủ tục, tên thủ tục, lĩnh vực, mức độ</c> too). Service level: <c>full</c> / <c>partial</c>,
/// <c>toàn trình</c> / <c>một phần</c>, or the former levels <c>4</c> / <c>3</c> (also <c>level 4</c>, <c>mức độ 4</c>).
/// </summary>
public sealed class ProcedureCatalogue
{
    private static readonly Dictionary<string, ServiceLevel> Levels = new(StringComparer.Ordinal)
    {
        ["full"] = ServiceLevel.Full,
        ["full_online"] = ServiceLevel.Full,
        ["toàn_trình"] = ServiceLevel.Full,
        ["toan_trinh"] = ServiceLevel.Full,
        ["4"] = ServiceLevel.Full,
        ["level_4"] = ServiceLevel.Full,
        ["mức_độ_4"] = ServiceLevel.Full,
        ["muc_do_4"] = ServiceLevel.Full,
        ["partial"] = ServiceLevel.Partial,
        ["partial_online"] = ServiceLevel.Partial,
        ["một_phần"] = ServiceLevel.Partial,
        ["mot_phan"] = ServiceLevel.Partial,
        ["3"] = ServiceLevel.Partial,
        ["level_3"] = ServiceLevel.Partial,
        ["mức_độ_3"] = ServiceLevel.Partial,
        ["muc_do_3"] = ServiceLevel.Partial,
    };

    private ProcedureCatalogue(IReadOnlyDictionary<string, Procedure> procedures)
    {
        Procedures = procedures;
        FullOnlineCodes = [.. procedures.Values.Where(p => p.Level == ServiceLevel.Full).Select(p => p.Code)];
        FullOnlineIndex = FullOnlineCodes.Select((code, index) => (code, index)).ToDictionary(x => x.code, x => x.index, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Procedure> Procedures { get; }

    /// <summary>The full-online procedures' codes, in catalogue order.</summary>
    public IReadOnlyList<string> FullOnlineCodes { get; }

    /// <summary>Each full-online procedure's place in <see cref="FullOnlineCodes"/> (the bit that marks it); other codes are absent.</summary>
    public IReadOnlyDictionary<string, int> FullOnlineIndex { get; }

    public int FullOnlineCount => FullOnlineCodes.Count;

    public static (ProcedureCatalogue? Catalogue, IReadOnlyList<InputProblem> Problems) Load(Stream stream, string source)
    {
        var (columns, rows, problems) = SmallCsv.Read(stream, source,
        [
            ("procedure_code", ["procedure_code", "code", "ma_thu_tuc", "mã_thủ_tục", "ma_tthc", "mã_tthc"], true),
            ("name", ["name", "procedure_name", "ten_thu_tuc", "tên_thủ_tục"], false),
            ("sector", ["sector", "linh_vuc", "lĩnh_vực"], false),
            ("service_level", ["service_level", "level", "muc_do", "mức_độ"], true),
        ]);
        if (columns is null)
        {
            return (null, problems);
        }

        var procedures = new Dictionary<string, Procedure>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Values[0];
            if (code.Length == 0)
            {
                problems.Add(new InputProblem("dossiers.missing-value", new ProblemPlace(source, Row: row.Line, Column: "procedure_code"), "một mã / a code", ""));
                continue;
            }

            if (!Levels.TryGetValue(DossierHeader.Normalise(row.Values[3]), out var level))
            {
                problems.Add(new InputProblem("dossiers.unknown-service-level", new ProblemPlace(source, Row: row.Line, Column: "service_level"),
                    "full, partial (toàn trình, một phần; 4, 3)", row.Values[3]));
                continue;
            }

            if (!procedures.TryAdd(code, new Procedure(code, row.Values[1], row.Values[2], level)))
            {
                problems.Add(new InputProblem("dossiers.duplicate-procedure", new ProblemPlace(source, Row: row.Line, Column: "procedure_code"),
                    "mỗi mã một lần / each code once", code));
            }
        }

        return problems.Count > 0 ? (null, problems) : (new ProcedureCatalogue(procedures), problems);
    }
}
