using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Text;
using OpenDti.Features.DataEntry.Templates;

namespace OpenDti.Features.Events;

/// <summary>
/// Reads a table of rows from an uploaded XLSX (first sheet) or CSV (UTF-8, "," or ";") file: a header row whose
/// names are matched against the columns asked for (Vietnamese or English, any case and order), then one
/// record per non-empty row with its place (file, sheet, row, column letter). The XLSX archive is checked
/// for size and zip-bomb limits before anything is unpacked, with the same limits as data templates.
/// </summary>
internal static class TabularFile
{
    public const int MaxRows = 20_000;

    public sealed record Column(string Key, bool Required, params string[] Names);

    public sealed record Record(int Row, IReadOnlyDictionary<string, (string Text, string Column)> Cells, string? Sheet);

    public static (IReadOnlyList<Record> Records, IReadOnlyList<InputProblem> Problems) Read(string fileName, byte[] bytes, IReadOnlyList<Column> columns, UploadLimits limits)
    {
        var problems = new List<InputProblem>();
        var file = new ProblemPlace(Source: fileName);
        if (bytes.Length == 0)
        {
            problems.Add(new InputProblem("file.empty", file, "một tệp có dòng tiêu đề và các dòng dữ liệu / a file with a header row and rows", "một tệp rỗng / an empty file"));
            return ([], problems);
        }

        if (bytes.Length > limits.MaxBytes)
        {
            problems.Add(new InputProblem("file.too-large", file, $"tối đa / at most {limits.MaxBytes} bytes", $"{bytes.Length} bytes"));
            return ([], problems);
        }

        var isXlsx = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || (bytes.Length > 1 && bytes[0] == 'P' && bytes[1] == 'K');
        var rows = isXlsx ? ReadXlsx(fileName, bytes, limits, problems) : ReadCsv(fileName, bytes, problems);
        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var sheet = isXlsx ? rows.Sheet : null;
        var all = rows.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c.Text))).ToList();
        if (all.Count == 0)
        {
            problems.Add(new InputProblem("file.empty", file with { Sheet = sheet }, "một dòng tiêu đề / a header row", "không có dòng nào / no rows"));
            return ([], problems);
        }

        var header = all[0];
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in header.Cells)
        {
            var name = Fold(cell.Text);
            var column = columns.FirstOrDefault(c => c.Names.Any(n => Fold(n) == name));
            if (column is not null && !positions.ContainsKey(column.Key))
            {
                positions[column.Key] = cell.Index;
            }
        }

        foreach (var missing in columns.Where(c => c.Required && !positions.ContainsKey(c.Key)))
        {
            problems.Add(new InputProblem("file.column-missing", file with { Sheet = sheet, Row = header.Row }, $"cột / a column '{missing.Names[0]}'", string.Join(", ", header.Cells.Select(c => $"'{c.Text}'"))));
        }

        if (all.Count - 1 > MaxRows)
        {
            problems.Add(new InputProblem("file.too-many-rows", file with { Sheet = sheet }, $"tối đa / at most {MaxRows} dòng / rows", $"{all.Count - 1}"));
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var records = all.Skip(1).Select(r => new Record(
            r.Row,
            positions.ToDictionary(p => p.Key, p => (VietnameseText.Normalize(r.Cells.FirstOrDefault(c => c.Index == p.Value)?.Text ?? string.Empty).Trim(), TemplateLayout.ColumnLetters(p.Value + 1)), StringComparer.Ordinal),
            sheet)).ToList();
        return (records, problems);
    }

    private static string Fold(string text) => VietnameseText.Normalize(text).Trim().ToLowerInvariant();

    private sealed record RawCell(int Index, string Text);

    private sealed record RawRow(int Row, IReadOnlyList<RawCell> Cells);

    private sealed record RawTable(IReadOnlyList<RawRow> Rows, string? Sheet);

    private static RawTable ReadCsv(string fileName, byte[] bytes, List<InputProblem> problems)
    {
        string content;
        try
        {
            var bom = Encoding.UTF8.GetPreamble();
            var start = bytes.AsSpan().StartsWith(bom) ? bom.Length : 0;
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new InputProblem("csv.encoding", new ProblemPlace(Source: fileName), "văn bản UTF-8 (Excel: Save As 'CSV UTF-8') / UTF-8 text", "các byte không phải UTF-8 / bytes that are not UTF-8"));
            return new RawTable([], null);
        }

        var firstLine = content.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";
        var rows = new List<RawRow>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator,
            HasHeaderRecord = false,
            MaxFieldSize = 10_000,
            BadDataFound = args => problems.Add(new InputProblem("csv.malformed", new ProblemPlace(Source: fileName, Row: args.Context.Parser?.Row), "một dòng CSV hợp lệ / a well-formed CSV line", args.RawRecord.TrimEnd())),
        };
        try
        {
            using var reader = new StringReader(content);
            using var parser = new CsvParser(reader, configuration);
            while (parser.Read() && rows.Count <= MaxRows + 1)
            {
                rows.Add(new RawRow(parser.Row, [.. (parser.Record ?? []).Select((t, i) => new RawCell(i, t))]));
            }
        }
        catch (MaxFieldSizeException)
        {
            problems.Add(new InputProblem("csv.field-too-long", new ProblemPlace(Source: fileName), "trường tối đa 10.000 ký tự / fields of at most 10,000 characters", "một trường dài hơn / a longer field"));
        }

        return new RawTable(rows, null);
    }

    private static RawTable ReadXlsx(string fileName, byte[] bytes, UploadLimits limits, List<InputProblem> problems)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        if (XlsxArchiveCheck.Check(stream, limits) is { } fault)
        {
            problems.Add(new InputProblem("xlsx.limits", new ProblemPlace(Source: fileName), "một tệp .xlsx trong giới hạn kích thước / an .xlsx workbook within the size limits", fault.ToString()));
            return new RawTable([], null);
        }

        try
        {
            stream.Position = 0;
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is null)
            {
                problems.Add(new InputProblem("xlsx.sheet-missing", new ProblemPlace(Source: fileName), "một trang tính / a worksheet", "không có / none"));
                return new RawTable([], null);
            }

            var reader = XlsxSheetReader.For(workbook, limits.MaxUnpackedBytes);
            var rows = reader.Cells((WorksheetPart)workbook.GetPartById(sheet.Id.Value))
                .Where(c => c.Kind != CellKind.Blank)
                .TakeWhile(c => c.Row <= MaxRows + 2)
                .GroupBy(c => c.Row)
                .Select(g => new RawRow(g.Key, [.. g.Select(c => new RawCell(c.Column - 1, c.Kind == CellKind.Number ? c.Number.ToString(CultureInfo.InvariantCulture) : c.Text))]))
                .ToList();
            return new RawTable(rows, sheet.Name?.Value);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FileFormatException or InvalidOperationException)
        {
            problems.Add(new InputProblem("xlsx.damaged", new ProblemPlace(Source: fileName), "một tệp .xlsx lưu bằng Excel / an .xlsx workbook saved by Excel", "một tệp hỏng / a damaged workbook"));
            return new RawTable([], null);
        }
    }
}
