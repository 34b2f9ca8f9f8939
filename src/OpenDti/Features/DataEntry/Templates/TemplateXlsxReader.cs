using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Reads an uploaded XLSX template: checks the archive (<see cref="XlsxArchiveCheck"/>), reads only the sheets
/// "Số liệu" and "_meta", checks that the file is a template of this data set and period, that the table's
/// headers are where the template put them, and turns every row into a unit and every value cell into an
/// <see cref="UploadedCell"/> — or a problem naming the sheet, row, column and header, what was expected and
/// what was found. Numeric cells are read as numbers; text is read by the Vietnamese rule (<see cref="UploadNumber"/>);
/// formulas, dates, percentages, booleans and Excel errors are refused, each said for what it is.
/// </summary>
internal static class TemplateXlsxReader
{
    public static UploadedFile Read(Stream stream, DataSetView dataSet, Period period, UploadLimits limits, UploadText text)
    {
        if (XlsxArchiveCheck.Check(stream, limits) is { } fault)
        {
            return UploadedFile.Failed(ArchiveProblem(fault, limits, text));
        }

        try
        {
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes });
            return ReadDocument(document, dataSet, period, limits, text);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FileFormatException or InvalidOperationException)
        {
            return UploadedFile.Failed(UploadText.Problem("xlsx.damaged", text.File, text["an .xlsx workbook saved by Excel or a compatible program"], text["a damaged or unreadable workbook ({0})", e.Message]));
        }
    }

    private static UploadedFile ReadDocument(SpreadsheetDocument document, DataSetView dataSet, Period period, UploadLimits limits, UploadText text)
    {
        var workbook = document.WorkbookPart;
        var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var dataSheet = sheets.FirstOrDefault(s => SameName(s.Name?.Value, TemplateLayout.DataSheet));
        var metaSheet = sheets.FirstOrDefault(s => SameName(s.Name?.Value, TemplateLayout.MetaSheet));
        if (workbook is null || dataSheet?.Id?.Value is null)
        {
            var names = string.Join(", ", sheets.Select(s => $"'{s.Name?.Value}'"));
            return UploadedFile.Failed(UploadText.Problem("xlsx.sheet-missing", text.File, text["a sheet named '{0}'", TemplateLayout.DataSheet], text["upload.the sheets {0}", names.Length == 0 ? "—" : names]));
        }

        if (metaSheet?.Id?.Value is null)
        {
            return UploadedFile.Failed(UploadText.Problem("xlsx.meta-missing", text.File,
                text["the hidden sheet '{0}' of a template downloaded from OpenDTI", TemplateLayout.MetaSheet], text["no such sheet: download a new template and copy your values into it"]));
        }

        var reader = XlsxSheetReader.For(workbook, limits.MaxUnpackedBytes);
        var meta = ReadMeta(reader.Cells((WorksheetPart)workbook.GetPartById(metaSheet.Id.Value)), dataSet, period, text);
        if (meta.Problems.Count > 0)
        {
            return meta.File;
        }

        // Rows are handled as they stream past, so memory holds one row and the cells read, never the sheet.
        var file = meta.File;
        var lastColumn = meta.Columns.Max(c => Math.Max(c.ValueColumn, c.CommentColumn));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerChecked = false;
        foreach (var (index, cells) in Rows(reader.Cells((WorksheetPart)workbook.GetPartById(dataSheet.Id.Value)), lastColumn))
        {
            if (index < TemplateLayout.HeaderRow)
            {
                continue;
            }

            if (!headerChecked)
            {
                headerChecked = true;
                CheckHeaders(index == TemplateLayout.HeaderRow ? cells : [], meta.Columns, dataSet, file, text);
                if (file.Problems.Count > 0)
                {
                    return file;
                }
            }

            if (index < TemplateLayout.FirstDataRow)
            {
                continue;
            }

            if (file.Rows.Count >= ValueWriter.MaxBatch)
            {
                file.Problems.Add(UploadText.Problem("batch.too-large", text.File, text["at most {0} values in one file", ValueWriter.MaxBatch], text["upload.more lines"]));
                return file;
            }

            ReadRow(index, cells, meta, seen, file, text);
        }

        if (!headerChecked)
        {
            CheckHeaders([], meta.Columns, dataSet, file, text);
        }

        return file;
    }

    /// <summary>The cells grouped by row as they come (a sheet lists its rows in order), columns past <paramref name="lastColumn"/> left out.</summary>
    private static IEnumerable<(int Row, Dictionary<int, SheetCell> Cells)> Rows(IEnumerable<SheetCell> cells, int lastColumn)
    {
        var row = 0;
        var current = new Dictionary<int, SheetCell>();
        foreach (var cell in cells)
        {
            if (cell.Row != row && current.Count > 0)
            {
                yield return (row, current);
                current = [];
            }

            row = cell.Row;
            if (cell.Column <= lastColumn)
            {
                current[cell.Column] = cell;
            }
        }

        if (current.Count > 0)
        {
            yield return (row, current);
        }
    }

    private static void ReadRow(int index, Dictionary<int, SheetCell> cells, MetaContent meta, Dictionary<string, int> seen, UploadedFile file, UploadText text)
    {
        var unitPlace = text.At(TemplateLayout.DataSheet, index, TemplateLayout.UnitColumn, "Mã đơn vị / unit code");
        var unitCell = cells.GetValueOrDefault(1);
        string? unitCode = null;
        switch (unitCell?.Kind)
        {
            case null:
                break;
            case CellKind.Text or CellKind.Number:
                unitCode = unitCell.Text.Trim();
                break;
            default:
                file.Problems.Add(UploadText.Problem("unit.invalid", unitPlace, text["upload.a unit code"], Found(unitCell, text)));
                return;
        }

        if (string.IsNullOrEmpty(unitCode))
        {
            if (meta.Columns.Any(c => cells.ContainsKey(c.ValueColumn) || cells.ContainsKey(c.CommentColumn)))
            {
                file.Problems.Add(UploadText.Problem("unit.missing", unitPlace, text["upload.a unit code"], text["values in a row without a unit code"]));
            }

            return;
        }

        if (seen.TryGetValue(unitCode, out var first))
        {
            file.Problems.Add(UploadText.Problem("unit.duplicate", unitPlace, text["each unit in one row"], text["{0}, already in row {1}", unitCode, first]));
            return;
        }

        seen[unitCode] = index;
        var row = new UploadedRow(unitCode, unitPlace);
        file.Rows.Add(row);
        foreach (var column in meta.Columns)
        {
            var valuePlace = text.At(TemplateLayout.DataSheet, index, TemplateLayout.ColumnLetters(column.ValueColumn), column.Measure);
            var commentPlace = text.At(TemplateLayout.DataSheet, index, TemplateLayout.ColumnLetters(column.CommentColumn), text["upload.{0} (comment)", column.Measure]);
            var readValue = ReadValue(cells.GetValueOrDefault(column.ValueColumn), valuePlace, file, text, out var value);
            var readComment = ReadComment(cells.GetValueOrDefault(column.CommentColumn), commentPlace, file, text, out var comment);
            if (!readValue || !readComment)
            {
                continue;
            }

            var downloaded = meta.Values.GetValueOrDefault((unitCode, column.Measure));
            file.Cells.Add(new UploadedCell(
                row, column.Measure, valuePlace with { Row = TemplateLayout.HeaderRow }, valuePlace, value, comment, commentPlace,
                downloaded is null ? new UploadedBaseline(null, null) : new UploadedBaseline(downloaded.Value, downloaded.Comment),
                downloaded?.Version ?? Guid.Empty));
        }
    }

    /// <summary>A value cell: empty, a number, or text by the Vietnamese rule; false (with a problem) for anything else.</summary>
    private static bool ReadValue(SheetCell? cell, Domain.Problems.ProblemPlace place, UploadedFile file, UploadText text, out double? value)
    {
        value = null;
        switch (cell?.Kind)
        {
            case null or CellKind.Blank:
                return true;
            case CellKind.Number:
                value = cell.Number;
                return true;
            case CellKind.Text when string.IsNullOrWhiteSpace(cell.Text):
                return true;
            case CellKind.Text when UploadNumber.TryParse(cell.Text, NumberStyle.Vietnamese, out var number):
                value = number;
                return true;
            case CellKind.Text:
                file.Problems.Add(UploadText.Problem("value.not-number", place, text["a number (typed as text, written the Vietnamese way: 1.234,5)"], $"'{cell.Text}'"));
                return false;
            case CellKind.Formula:
                file.Problems.Add(UploadText.Problem("value.formula", place, text["upload.a value"], Found(cell, text)));
                return false;
            case CellKind.Percent:
                file.Problems.Add(UploadText.Problem("value.percent", place, text["a number without the percent format (45 for 45 %)"], Found(cell, text)));
                return false;
            default:
                file.Problems.Add(UploadText.Problem("value.not-number", place, text["upload.a number"], Found(cell, text)));
                return false;
        }
    }

    private static bool ReadComment(SheetCell? cell, Domain.Problems.ProblemPlace place, UploadedFile file, UploadText text, out string? comment)
    {
        comment = null;
        switch (cell?.Kind)
        {
            case null or CellKind.Blank:
                return true;
            case CellKind.Text or CellKind.Number or CellKind.Date or CellKind.Percent or CellKind.Boolean:
                comment = cell.Text;
                return true;
            default:
                file.Problems.Add(UploadText.Problem("comment.invalid", place, text["upload.a text"], Found(cell, text)));
                return false;
        }
    }

    /// <summary>What a cell holds, said for what it is: "a formula: =SUM(C10:C12)", "a date: 2025-05-01".</summary>
    private static string Found(SheetCell cell, UploadText text) => cell.Kind switch
    {
        CellKind.Formula => text["upload.a formula: {0}", cell.Text],
        CellKind.Date => text["upload.a date: {0}", cell.Text],
        CellKind.Percent => text["upload.a percentage: {0}", cell.Text],
        CellKind.Boolean => text["a true/false value: {0}", cell.Text],
        CellKind.Error => text["an Excel error: {0}", cell.Text],
        _ => $"'{cell.Text}'",
    };

    private static void CheckHeaders(Dictionary<int, SheetCell> header, IReadOnlyList<MetaColumn> columns, DataSetView dataSet, UploadedFile file, UploadText text)
    {
        foreach (var column in columns)
        {
            foreach (var (number, comment) in new[] { (column.ValueColumn, false), (column.CommentColumn, true) })
            {
                var found = header.GetValueOrDefault(number)?.Text ?? string.Empty;
                var firstLine = found.Split('\n')[0].Trim();
                var place = text.At(TemplateLayout.DataSheet, TemplateLayout.HeaderRow, TemplateLayout.ColumnLetters(number), column.Measure);
                if (!string.Equals(firstLine, column.Measure, StringComparison.Ordinal))
                {
                    file.Problems.Add(UploadText.Problem("xlsx.header", place,
                        text["the header {0} where the template put it ({1})", column.Measure, comment ? text["upload.comment"] : text["upload.value"]], $"'{found}'"));
                }
            }

            if (!dataSet.Fields.Any(f => f.Measure.Code.Value == column.Measure))
            {
                file.Problems.Add(UploadText.Problem("measure.unknown",
                    text.At(TemplateLayout.DataSheet, TemplateLayout.HeaderRow, TemplateLayout.ColumnLetters(column.ValueColumn), column.Measure),
                    text["a measure of {0}", dataSet.DataSet.Code], column.Measure));
            }
        }
    }

    private static MetaContent ReadMeta(IEnumerable<SheetCell> cells, DataSetView dataSet, Period period, UploadText text)
    {
        var meta = new MetaContent();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, cell) in Rows(cells, 6))
        {
            if (meta.Values.Count > ValueWriter.MaxBatch)
            {
                meta.Problems.Add(UploadText.Problem("batch.too-large", text.File, text["at most {0} values in one file", ValueWriter.MaxBatch], text["upload.more lines"]));
                break;
            }

            string? Text(int column) => cell.TryGetValue(column, out var c) && c.Kind is CellKind.Text or CellKind.Number ? c.Text.Trim() : null;
            var place = text.At(TemplateLayout.MetaSheet, index, "B", Text(1));
            keys.Add(Text(1) ?? string.Empty);
            switch (Text(1))
            {
                case TemplateLayout.Meta.DataSet when !string.Equals(Text(2), dataSet.DataSet.Code, StringComparison.OrdinalIgnoreCase):
                    meta.Problems.Add(UploadText.Problem("template.other-data-set", place, text["a template of {0} (the data set of this upload)", dataSet.DataSet.Code], Text(2)));
                    break;
                case TemplateLayout.Meta.Period when Text(2) != period.ToString():
                    meta.Problems.Add(UploadText.Problem("template.other-period", place, text["a template of the period {0} (the period of this upload)", period.ToString()], Text(2)));
                    break;
                case TemplateLayout.Meta.TemplateVersion when Text(2) != TemplateLayout.Version:
                    meta.Problems.Add(UploadText.Problem("template.version", place, text["template version {0}: download a new template", TemplateLayout.Version], Text(2)));
                    break;
                case TemplateLayout.Meta.Column:
                    var valueColumn = TemplateLayout.ColumnNumber(Text(3));
                    var commentColumn = TemplateLayout.ColumnNumber(Text(4));
                    if (Text(2) is not { Length: > 0 } measure || valueColumn == 0 || commentColumn == 0)
                    {
                        meta.Problems.Add(UploadText.Problem("template.meta", place with { Column = "A" }, text["a row of the template as downloaded"], text["a changed row: download a new template"]));
                        break;
                    }

                    meta.Columns.Add(new MetaColumn(measure, valueColumn, commentColumn));
                    break;
                case TemplateLayout.Meta.Value:
                    var version = Text(6);
                    var valueCell = cell.GetValueOrDefault(4);
                    if (Text(2) is not { Length: > 0 } unit || Text(3) is not { Length: > 0 } code
                        || (valueCell is not null && valueCell.Kind != CellKind.Number)
                        || (version is not null && !Guid.TryParse(version, out _)))
                    {
                        meta.Problems.Add(UploadText.Problem("template.meta", place with { Column = "A" }, text["a row of the template as downloaded"], text["a changed row: download a new template"]));
                        break;
                    }

                    meta.Values[(unit, code)] = new MetaValue(valueCell?.Number, Text(5), version is null ? Guid.Empty : Guid.Parse(version));
                    break;
            }
        }

        string[] required = [TemplateLayout.Meta.DataSet, TemplateLayout.Meta.Period, TemplateLayout.Meta.TemplateVersion, TemplateLayout.Meta.Column];
        if (meta.Problems.Count == 0 && !required.All(keys.Contains))
        {
            meta.Problems.Add(UploadText.Problem("template.meta", text.At(TemplateLayout.MetaSheet, 1, "A", null), text["a row of the template as downloaded"], text["a changed row: download a new template"]));
        }

        meta.File.Problems.AddRange(meta.Problems);
        return meta;
    }

    private static ValueProblem ArchiveProblem(ArchiveFault fault, UploadLimits limits, UploadText text) => fault.Kind switch
    {
        ArchiveFaultKind.TooManyParts => UploadText.Problem("xlsx.too-many-parts", text.File, text["a workbook of at most {0} parts", limits.MaxParts], text["upload.{0} parts", fault.Found]),
        ArchiveFaultKind.TooBigUnpacked => UploadText.Problem("xlsx.too-big-unpacked", text.File, text["a workbook that unpacks to at most {0} MB", limits.MaxUnpackedBytes >> 20], text["more than {0} MB (at the part {1})", limits.MaxUnpackedBytes >> 20, fault.Part ?? "?"]),
        ArchiveFaultKind.Ratio => UploadText.Problem("xlsx.compression", text.File, text["parts compressed at most {0} times", limits.MaxCompressionRatio], text["the part {0} compressed {1} times", fault.Part ?? "?", fault.Found]),
        _ => UploadText.Problem("xlsx.damaged", text.File, text["an .xlsx workbook saved by Excel or a compatible program"], text["a file that is not a zip archive"]),
    };

    private static bool SameName(string? name, string expected) =>
        name is not null && string.Equals(VietnameseText.Normalize(name.Trim()), expected, StringComparison.Ordinal);

    private sealed class MetaContent
    {
        public UploadedFile File { get; } = new();

        public List<ValueProblem> Problems { get; } = [];

        public List<MetaColumn> Columns { get; } = [];

        public Dictionary<(string Unit, string Measure), MetaValue> Values { get; } = [];
    }

    private sealed record MetaColumn(string Measure, int ValueColumn, int CommentColumn);

    private sealed record MetaValue(double? Value, string? Comment, Guid Version);
}
