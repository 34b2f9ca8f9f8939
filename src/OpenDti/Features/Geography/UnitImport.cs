using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Text;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary>
/// Loads communes and organisations from a CSV file (<c>code,name,level,parent_code,valid_from[,name_en]</c>,
/// UTF-8 with or without BOM) — all or nothing: every problem is reported with its row and column, and nothing is
/// written if there is one. Names are stored in NFC; a code may not be taken by another unit in force (nor twice in
/// the file); the parent must be a unit in the store in force on the new unit's first day. Over the web, an
/// administrator may add units only under the units they administer.
/// </summary>
public sealed class UnitImport(OpenDtiDbContext db, UnitHierarchy hierarchy, AccountHistory history)
{
    /// <summary>The largest file accepted (a province has a few hundred communes; this is far more).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static readonly string[] RequiredColumns = ["code", "name", "level", "parent_code", "valid_from"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads and checks the file, then adds every unit in one transaction, or none. <paramref name="actor"/> is the
    /// administrator over the web, or null for the command line, which may add anywhere; <paramref name="recordedAs"/>
    /// is who the account history names.
    /// </summary>
    public async Task<UnitImportResult> ImportAsync(byte[] content, string source, SignedIn? actor, Actor recordedAs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = new ProblemPlace(Source: source);
        if (content.Length > MaxBytes)
        {
            return Refused(new InputProblem("units.file-too-large", file, $"một tệp tối đa {MaxBytes / 1024 / 1024} MB / a file of {MaxBytes / 1024 / 1024} MB at most", $"{content.Length} bytes"));
        }

        string text;
        try
        {
            var bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            text = StrictUtf8.GetString(content, bom, content.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            return Refused(new InputProblem("units.not-utf8", file, "văn bản UTF-8 (lưu CSV dạng UTF-8) / UTF-8 text (save the CSV as UTF-8)", "bytes that are not UTF-8"));
        }

        var (rows, problems) = Parse(text, source);
        if (problems.Count > 0)
        {
            return new UnitImportResult(0, problems, false);
        }

        var units = await CheckAsync(rows, source, actor, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new UnitImportResult(0, problems, problems.Any(p => p.Code == "units.outside"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Units.AddRange(units);
        history.Add(AccountEventKinds.UnitsImported, recordedAs, null, $"{units.Count} đơn vị từ / units from {source}: {string.Join(", ", units.Take(20).Select(u => u.Code))}{(units.Count > 20 ? ", …" : string.Empty)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UnitImportResult(units.Count, [], false);
    }

    private static (List<UnitRow> Rows, List<InputProblem> Problems) Parse(string text, string source)
    {
        var rows = new List<UnitRow>();
        var problems = new List<InputProblem>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant().Replace(' ', '_'),
            MissingFieldFound = null,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            problems.Add(new InputProblem("units.empty", new ProblemPlace(Source: source, Row: 1), "một dòng tiêu đề / a header row: " + string.Join(",", RequiredColumns) + ",name_en"));
            return (rows, problems);
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
        foreach (var missing in RequiredColumns.Where(c => !header.Contains(c)))
        {
            problems.Add(new InputProblem("units.missing-column", new ProblemPlace(Source: source, Row: 1, Column: missing), $"cột / a column '{missing}'", string.Join(",", csv.HeaderRecord!)));
        }

        if (problems.Count > 0)
        {
            return (rows, problems);
        }

        var hasEnglish = header.Contains("name_en");
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            string Field(string column) => VietnameseText.Normalize(csv.GetField(column) ?? string.Empty).Trim();
            if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new UnitRow(row, Field("code"), Field("name"), Field("level"), Field("parent_code"), Field("valid_from"), hasEnglish ? Field("name_en") : string.Empty));
        }

        if (rows.Count == 0)
        {
            problems.Add(new InputProblem("units.no-rows", new ProblemPlace(Source: source, Row: 2), "ít nhất một đơn vị / at least one unit"));
        }

        return (rows, problems);
    }

    private async Task<List<ReportingUnit>> CheckAsync(List<UnitRow> rows, string source, SignedIn? actor, List<InputProblem> problems, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Code).Where(UnitCode.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var parentCodes = rows.Select(r => r.ParentCode).Where(UnitCode.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var related = (await db.Units.AsNoTracking().ToListAsync(cancellationToken))
            .Where(u => codes.Contains(u.Code.Value) || parentCodes.Contains(u.Code.Value))
            .ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new List<ReportingUnit>();
        foreach (var row in rows)
        {
            InputProblem Problem(string code, string column, string expected, string? found) =>
                new(code, new ProblemPlace(Source: source, Row: row.Line, Column: column), expected, found);
            var before = problems.Count;
            if (!UnitCode.IsValid(row.Code))
            {
                problems.Add(Problem("units.code", "code", $"mã 1–{UnitCode.MaxLength} ký tự: chữ, số, . - _ / a code of 1–{UnitCode.MaxLength} letters, digits, '.', '-' or '_'", row.Code));
            }
            else if (seen.TryGetValue(row.Code, out var first))
            {
                problems.Add(Problem("units.code-repeated", "code", $"một mã chưa dùng ở dòng {first} / a code not already used on row {first}", row.Code));
            }
            else if (related.FirstOrDefault(u => u.Code.Value == row.Code && u.ValidTo is null) is { } taken)
            {
                problems.Add(Problem("units.code-taken", "code", $"một mã chưa thuộc đơn vị đang hiệu lực; '{row.Code}' là {taken.Name} / a code no unit in force has; '{row.Code}' is {taken.Name}", row.Code));
            }
            else
            {
                seen[row.Code] = row.Line;
            }

            if (row.Name.Length is 0 or > 200)
            {
                problems.Add(Problem("units.name", "name", "tên 1–200 ký tự / a name of 1–200 characters", row.Name));
            }

            if (row.NameEn.Length > 200)
            {
                problems.Add(Problem("units.name-en", "name_en", "tên tiếng Anh tối đa 200 ký tự / an English name of 200 characters at most", row.NameEn[..20] + "…"));
            }

            var level = row.Level.ToLowerInvariant() switch
            {
                "commune" => UnitLevel.Commune,
                "organisation" or "organization" => UnitLevel.Organisation,
                _ => (UnitLevel?)null,
            };
            if (level is null)
            {
                problems.Add(Problem("units.level", "level", "commune hoặc / or organisation", row.Level));
            }

            DateOnly? validFrom = QueryDate.TryParse(row.ValidFrom, out var date) ? date : null;
            if (validFrom is null)
            {
                problems.Add(Problem("units.valid-from", "valid_from", "ngày dạng / a date as yyyy-MM-dd", row.ValidFrom));
            }

            ReportingUnit? parent = null;
            if (validFrom is { } from)
            {
                parent = related.FirstOrDefault(u => u.Code.Value == row.ParentCode && u.IsValidOn(from));
                if (parent is null)
                {
                    problems.Add(Problem("units.parent", "parent_code", $"mã một đơn vị có hiệu lực ngày {from.ToIso()} / the code of a unit in force on {from.ToIso()}", row.ParentCode));
                }
                else if (level == UnitLevel.Commune && parent.Level is not (UnitLevel.Province or UnitLevel.District))
                {
                    problems.Add(Problem("units.parent-level", "parent_code", "xã, phường thuộc một tỉnh / a commune lies under a province", $"{parent.Code} {parent.Name}"));
                }
                else if (actor is not null && !actor.Allows(Ability.Administer, await hierarchy.AncestryAsync(parent.Id, cancellationToken)))
                {
                    problems.Add(Problem("units.outside", "parent_code", "một đơn vị bạn quản trị / a unit you administer", $"{parent.Code} {parent.Name}"));
                }
            }

            if (problems.Count == before)
            {
                units.Add(new ReportingUnit
                {
                    Code = new UnitCode(row.Code),
                    Name = row.Name,
                    NameEn = row.NameEn.Length > 0 ? row.NameEn : null,
                    Level = level!.Value,
                    ParentId = parent!.Id,
                    ValidFrom = validFrom,
                });
            }
        }

        return units;
    }

    private static UnitImportResult Refused(InputProblem problem) => new(0, [problem], false);

    private sealed record UnitRow(int Line, string Code, string Name, string Level, string ParentCode, string ValidFrom, string NameEn);
}

/// <summary>How many units were added, or every problem (and then nothing was added); <see cref="IsForbidden"/> when a row lies outside the administrator's units.</summary>
public sealed record UnitImportResult(int Imported, IReadOnlyList<InputProblem> Problems, bool IsForbidden)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>A problem as a line of text: "file, row 3, column parent_code: expected …; found '…'".</summary>
    public static string Describe(InputProblem problem)
    {
        var place = problem.Place;
        var where = string.Join(", ", new[]
        {
            place.Source,
            place.Row is { } row ? string.Create(CultureInfo.InvariantCulture, $"dòng / row {row}") : null,
            place.Column is { } column ? $"cột / column {column}" : null,
        }.Where(p => p is not null));
        return problem.Found is null
            ? $"{where}: cần / expected {problem.Expected}"
            : $"{where}: cần / expected {problem.Expected}; nhận được / found '{problem.Found}'";
    }
}
