using System.Globalization;
using System.Text;
using OpenDti.Domain.Problems;

namespace OpenDti.Dossiers.Input;

/// <summary>
/// Which column of a dossier export holds which field. Columns are found by their header name, in any
/// order; names are compared after trimming, NFC, lower-casing, and turning spaces and hyphens into
/// underscores, so "Ngày tiếp nhận", "ngay_tiep_nhan" and "received_at" all name the received time.
/// Other columns (a procedure name, an applicant) are allowed and ignored.
/// </summary>
public sealed class DossierHeader
{
    /// <summary>The accepted names of each field: the English name first, then Vietnamese forms with and without diacritics.</summary>
    public static readonly IReadOnlyDictionary<DossierField, string[]> Aliases = new Dictionary<DossierField, string[]>
    {
        [DossierField.DossierId] = ["dossier_id", "id", "ma_ho_so", "mã_hồ_sơ", "so_ho_so", "số_hồ_sơ"],
        [DossierField.ProcedureCode] = ["procedure_code", "ma_thu_tuc", "mã_thủ_tục", "ma_tthc", "mã_tthc"],
        [DossierField.UnitCode] = ["unit_code", "ma_don_vi", "mã_đơn_vị", "ma_co_quan", "mã_cơ_quan"],
        [DossierField.Channel] = ["channel", "kenh", "kênh", "kenh_nop", "kênh_nộp", "hinh_thuc_nop", "hình_thức_nộp"],
        [DossierField.ReceivedAt] = ["received_at", "ngay_tiep_nhan", "ngày_tiếp_nhận", "thoi_gian_tiep_nhan", "thời_gian_tiếp_nhận"],
        [DossierField.DueAt] = ["due_at", "ngay_hen_tra", "ngày_hẹn_trả", "han_xu_ly", "hạn_xử_lý"],
        [DossierField.FinishedAt] = ["finished_at", "ngay_hoan_thanh", "ngày_hoàn_thành", "ngay_co_ket_qua", "ngày_có_kết_quả"],
        [DossierField.Status] = ["status", "trang_thai", "trạng_thái"],
    };

    private static readonly Dictionary<string, DossierField> ByName = Aliases
        .SelectMany(pair => pair.Value.Select(name => (name, field: pair.Key)))
        .ToDictionary(x => x.name, x => x.field, StringComparer.Ordinal);

    private DossierHeader(int[] indexOf, int columnCount, string[] names)
    {
        _indexOf = indexOf;
        ColumnCount = columnCount;
        Names = names;
    }

    private readonly int[] _indexOf;

    /// <summary>How many columns every row must have.</summary>
    public int ColumnCount { get; }

    /// <summary>The header's own names, as written (for messages).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The 0-based column of a field.</summary>
    public int IndexOf(DossierField field) => _indexOf[(int)field];

    /// <summary>The header's own name of a field's column (for messages).</summary>
    public string NameOf(DossierField field) => Names[IndexOf(field)];

    /// <summary>Maps header names to fields; problems name the file's line 1 and the column.</summary>
    public static (DossierHeader? Header, IReadOnlyList<InputProblem> Problems) Map(IReadOnlyList<string> names, string source)
    {
        ArgumentNullException.ThrowIfNull(names);
        var indexOf = Enumerable.Repeat(-1, Enum.GetValues<DossierField>().Length).ToArray();
        var problems = new List<InputProblem>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!ByName.TryGetValue(Normalise(names[i]), out var field))
            {
                continue;
            }

            if (indexOf[(int)field] >= 0)
            {
                problems.Add(new InputProblem(
                    "dossiers.duplicate-column",
                    new ProblemPlace(source, Row: 1, Column: names[i]),
                    string.Create(CultureInfo.InvariantCulture, $"một cột cho {Aliases[field][0]} / one column for {Aliases[field][0]}"),
                    $"{names[indexOf[(int)field]]}, {names[i]}"));
                continue;
            }

            indexOf[(int)field] = i;
        }

        foreach (var field in Enum.GetValues<DossierField>())
        {
            if (indexOf[(int)field] < 0)
            {
                problems.Add(new InputProblem(
                    "dossiers.missing-column",
                    new ProblemPlace(source, Row: 1, Column: Aliases[field][0]),
                    $"cột {Aliases[field][0]} (tên chấp nhận / accepted names: {string.Join(", ", Aliases[field])})",
                    string.Join(", ", names)));
            }
        }

        return problems.Count > 0 ? (null, problems) : (new DossierHeader(indexOf, names.Count, [.. names]), problems);
    }

    internal static string Normalise(string name)
    {
        var trimmed = name.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            builder.Append(c is ' ' or '-' ? '_' : c);
        }

        return builder.ToString();
    }
}
