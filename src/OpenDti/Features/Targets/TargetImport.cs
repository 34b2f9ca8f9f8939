using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Targets;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry.Templates;
using OpenDti.Store;

namespace OpenDti.Features.Targets;

/// <summary>
/// Targets from an XLSX file: the first sheet, a header row naming the fields of <see cref="TargetRequest"/>
/// (documentId, code, pillar, name, nameEn, unitOfMeasure, framework, indicator, measure, scope, scopeUnit,
/// baselineValue, baselineYear, targetValue, deadlineYear, comparison, source), then one target per row.
/// The archive is checked against the upload limits before it is opened. Each row goes through
/// <see cref="TargetEditing.CheckAsync"/>; all or nothing: one problem (file, row, column, expected, found)
/// and nothing is written.
/// </summary>
public sealed class TargetImport(OpenDtiDbContext db, TargetEditing editing, IOptions<UploadLimits> limits)
{
    private static readonly string[] Fields =
    [
        "documentId", "code", "pillar", "name", "nameEn", "unitOfMeasure", "framework", "indicator", "measure", "scope",
        "scopeUnit", "baselineValue", "baselineYear", "targetValue", "deadlineYear", "comparison", "source",
    ];

    public async Task<ImportOutcome> ImportAsync(SignedIn actor, string fileName, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // At most one byte past the limit is read: a larger file is refused without being held in memory.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= limits.Value.MaxBytes && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limits.Value.MaxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length > limits.Value.MaxBytes || XlsxArchiveCheck.Check(buffer, limits.Value) is not null)
        {
            return ImportOutcome.Failed(fileName, "file", "một tệp .xlsx trong giới hạn tải lên / an .xlsx file within the upload limits", "a file that is not one, or too large");
        }

        List<(int Row, Dictionary<string, SheetCell> Cells)> rows;
        try
        {
            buffer.Position = 0;
            using var document = SpreadsheetDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = limits.Value.MaxUnpackedBytes });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is null)
            {
                return ImportOutcome.Failed(fileName, "file", "một bảng tính có ít nhất một trang / a workbook with a sheet", "none");
            }

            var cells = XlsxSheetReader.For(workbook, limits.Value.MaxUnpackedBytes).Cells((WorksheetPart)workbook.GetPartById(sheet.Id.Value)).ToList();
            var headings = cells.Where(c => c.Row == 1).ToList();
            var header = headings.GroupBy(c => c.Column).ToDictionary(g => g.Key, g => Fields.FirstOrDefault(f => string.Equals(f, g.First().Text.Trim(), StringComparison.OrdinalIgnoreCase)));
            var unknown = headings.Where(c => header[c.Column] is null).ToList();
            var repeated = headings.Where(c => header[c.Column] is not null).GroupBy(c => header[c.Column]).FirstOrDefault(g => g.Count() > 1)?.Skip(1).First();
            if (repeated is not null)
            {
                return ImportOutcome.Failed(fileName, $"row 1, {repeated.Reference}", "mỗi trường một cột / each field in one column", repeated.Text);
            }

            if (unknown.Count > 0 || !header.ContainsValue("code"))
            {
                return ImportOutcome.Failed(fileName, $"row 1, {unknown.FirstOrDefault()?.Reference ?? "A1"}", $"tiêu đề cột là tên trường / column headings naming fields: {string.Join(", ", Fields)}", unknown.FirstOrDefault()?.Text ?? "no 'code' column");
            }

            rows = [.. cells.Where(c => c.Row > 1 && header.ContainsKey(c.Column))
                .GroupBy(c => c.Row)
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, g.GroupBy(c => header[c.Column]!, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.First(), StringComparer.Ordinal)))];
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FileFormatException or InvalidOperationException)
        {
            return ImportOutcome.Failed(fileName, "file", "một tệp .xlsx đọc được / a readable .xlsx workbook", e.Message);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var targets = new List<Target>();
        var seen = new HashSet<(int, string, int)>();
        foreach (var (row, cells) in rows)
        {
            var request = ToRequest(cells, out var cellErrors);
            foreach (var (field, cell) in cellErrors)
            {
                errors[Place(fileName, row, cell.Reference, field)] = [TargetEditing.Expected("một số / a number", cell.Text)];
            }

            var (target, result) = await editing.CheckAsync(actor, request, cancellationToken);
            if (result.IsForbidden)
            {
                return new ImportOutcome { IsForbidden = true };
            }

            if (result.IsNotFound)
            {
                errors[Place(fileName, row, cells["documentId"].Reference, "documentId")] = [TargetEditing.Expected("mã số của một văn bản đã có / the id of an existing document", cells["documentId"].Text)];
            }

            foreach (var (field, messages) in result.Errors.Where(e => !cellErrors.ContainsKey(e.Key)))
            {
                errors[Place(fileName, row, cells.TryGetValue(field, out var cell) ? cell.Reference : null, field)] = messages;
            }

            if (target is not null && !seen.Add((target.DocumentId, target.Code, target.DeadlineYear)))
            {
                errors[Place(fileName, row, cells["code"].Reference, "code")] = [$"Chỉ tiêu '{target.Code}' hạn {target.DeadlineYear} đã có ở một dòng trên / target '{target.Code}' due {target.DeadlineYear} is on an earlier row."];
            }
            else if (target is not null)
            {
                targets.Add(target);
            }
        }

        if (rows.Count == 0)
        {
            errors[fileName] = [TargetEditing.Expected("ít nhất một dòng chỉ tiêu dưới dòng tiêu đề / at least one target row under the header", "none")];
        }

        if (errors.Count > 0)
        {
            return new ImportOutcome { Errors = errors };
        }

        db.Targets.AddRange(targets);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportOutcome { Ids = [.. targets.Select(t => t.Id)] };
    }

    private static TargetRequest ToRequest(Dictionary<string, SheetCell> cells, out Dictionary<string, SheetCell> errors)
    {
        var bad = new Dictionary<string, SheetCell>(StringComparer.Ordinal);
        string? Text(string field) => cells.TryGetValue(field, out var cell) ? cell.Text.Trim() : null;
        double? Number(string field)
        {
            if (!cells.TryGetValue(field, out var cell))
            {
                return null;
            }

            if (cell.Kind == CellKind.Number)
            {
                return cell.Number;
            }

            if (double.TryParse(cell.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                return parsed;
            }

            bad[field] = cell;
            return null;
        }

        int? Whole(string field) => Number(field) is { } value && value == Math.Floor(value) && Math.Abs(value) < int.MaxValue ? (int)value : null;

        var request = new TargetRequest
        {
            DocumentId = Whole("documentId"),
            Code = Text("code"),
            Pillar = Text("pillar"),
            Name = Text("name"),
            NameEn = Text("nameEn"),
            UnitOfMeasure = Text("unitOfMeasure"),
            Framework = Text("framework"),
            Indicator = Text("indicator"),
            Measure = Text("measure"),
            Scope = Text("scope"),
            ScopeUnit = Text("scopeUnit"),
            BaselineValue = Number("baselineValue"),
            BaselineYear = Whole("baselineYear"),
            TargetValue = Number("targetValue"),
            DeadlineYear = Whole("deadlineYear"),
            Comparison = Text("comparison"),
            Source = Text("source"),
        };
        errors = bad;
        return request;
    }

    private static string Place(string file, int row, string? cell, string field) =>
        cell is null ? $"{file}: dòng / row {row}, {field}" : $"{file}: dòng / row {row}, ô / cell {cell} ({field})";
}

/// <summary>What an import did: the new targets' ids, the problems by place, or a refusal.</summary>
public sealed record ImportOutcome
{
    public IReadOnlyList<int> Ids { get; init; } = [];

    public IDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public bool IsForbidden { get; init; }

    public static ImportOutcome Failed(string file, string place, string expected, string found) => new()
    {
        Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [$"{file}: {place}"] = [TargetEditing.Expected(expected, found)] },
    };
}
