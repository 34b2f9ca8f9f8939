using OpenDti.Domain.Problems;

namespace OpenDti.Dossiers.Input;

/// <summary>
/// Which unit rolls up into which: <c>code, parent_code</c> (also <c>ma_don_vi, ma_don_vi_cha</c>). Units of
/// the 2025 geography are provinces (2-digit GSO codes) under the nation and communes (5-digit codes) under
/// their province; a unit without a parent, and a unit of the export missing from this file, rolls up into
/// the nation (<see cref="Nation"/>) directly. Without the file every unit rolls up into the nation only.
/// </summary>
public sealed class UnitHierarchy
{
    /// <summary>The code of the nation, the top of every roll-up.</summary>
    public const string Nation = "VN";

    private readonly IReadOnlyDictionary<string, string> _parents;

    private UnitHierarchy(IReadOnlyDictionary<string, string> parents)
    {
        _parents = parents;
    }

    /// <summary>No file: every unit directly under the nation.</summary>
    public static UnitHierarchy Flat { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public bool Contains(string code) => _parents.ContainsKey(code) || code == Nation;

    /// <summary>The unit, then its parent, and so on, ending with the nation.</summary>
    public IReadOnlyList<string> Chain(string code)
    {
        var chain = new List<string> { code };
        while (code != Nation)
        {
            code = _parents.TryGetValue(code, out var parent) && parent.Length > 0 ? parent : Nation;
            chain.Add(code);
        }

        return chain;
    }

    public static (UnitHierarchy? Units, IReadOnlyList<InputProblem> Problems) Load(Stream stream, string source)
    {
        var (columns, rows, problems) = SmallCsv.Read(stream, source,
        [
            ("code", ["code", "unit_code", "ma_don_vi", "mã_đơn_vị"], true),
            ("parent_code", ["parent_code", "parent", "ma_don_vi_cha", "mã_đơn_vị_cha", "ma_cap_tren", "mã_cấp_trên"], true),
        ]);
        if (columns is null)
        {
            return (null, problems);
        }

        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (code, parent) = (row.Values[0], row.Values[1]);
            if (code.Length == 0)
            {
                problems.Add(new InputProblem("dossiers.missing-value", new ProblemPlace(source, Row: row.Line, Column: "code"), "một mã / a code", ""));
            }
            else if (!parents.TryAdd(code, parent))
            {
                problems.Add(new InputProblem("dossiers.duplicate-unit", new ProblemPlace(source, Row: row.Line, Column: "code"), "mỗi mã một lần / each code once", code));
            }
            else
            {
                lines[code] = row.Line;
            }
        }

        foreach (var (code, _) in parents)
        {
            // A chain that comes back to a unit it has passed never reaches the nation.
            var seen = new HashSet<string>(StringComparer.Ordinal) { code };
            var current = code;
            while (parents.TryGetValue(current, out var parent) && parent.Length > 0 && parent != Nation)
            {
                if (!seen.Add(parent))
                {
                    problems.Add(new InputProblem("dossiers.unit-cycle", new ProblemPlace(source, Row: lines[code], Column: "parent_code"),
                        "một cây đơn vị không có vòng / a hierarchy without cycles", string.Join(" → ", seen.Append(parent))));
                    break;
                }

                current = parent;
            }
        }

        return problems.Count > 0 ? (null, problems) : (new UnitHierarchy(parents), problems);
    }
}
