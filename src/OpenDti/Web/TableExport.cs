using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenDti.Web;

/// <summary>
/// A table for download, written as CSV or XLSX from the same rows. A cell is text, a number or empty.
/// Text a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) is
/// neutralised: in CSV it gets a leading apostrophe; in XLSX every text cell is a string cell, which
/// is never evaluated (OWASP, "CSV Injection").
/// </summary>
internal sealed record TableExport(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>UTF-8 with a byte order mark, so Excel reads Vietnamese correctly; numbers in the invariant culture; CRLF rows (RFC 4180).</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        AppendCsvRow(text, Header);
        foreach (var row in Rows)
        {
            AppendCsvRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One worksheet named <paramref name="sheetName"/>: the header row, then the rows; text as inline strings, numbers as numbers.</summary>
    public byte[] ToXlsx(string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(XlsxRow(Header));
            foreach (var row in Rows)
            {
                data.Append(XlsxRow(row));
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
        }

        return stream.ToArray();
    }

    /// <summary>The route segment every table download ends with: <c>/rankings.{format}</c> serves <c>.csv</c> and <c>.xlsx</c>.</summary>
    public const string FormatSegment = "{format:regex(^(csv|xlsx)$)}";

    /// <summary>
    /// The table as a download in <paramref name="format"/> (<c>csv</c> or <c>xlsx</c>), named
    /// <paramref name="name"/> plus the extension; the XLSX sheet is <paramref name="sheetName"/>, cut to what Excel allows.
    /// </summary>
    public FileContentHttpResult ToFile(string format, string name, string sheetName) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(ToXlsx(SheetName(sheetName)), XlsxContentType, name + ".xlsx")
            : TypedResults.File(ToCsv(), CsvContentType, name + ".csv");

    /// <summary>The text with a leading apostrophe when a spreadsheet would take it for a formula.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c)]);
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static void AppendCsvRow(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var value = cell switch
            {
                null => string.Empty,
                string s => Neutralise(s),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => Neutralise(cell.ToString() ?? string.Empty),
            };
            text.Append(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }

        text.Append("\r\n");
    }

    private static Row XlsxRow(IEnumerable<object?> cells) => new(cells.Select(cell => XlsxCell(cell)));

    /// <summary>
    /// One XLSX cell as every sheet we write has it: text as an inline string (never evaluated as a formula),
    /// numbers as numbers in the invariant culture, null as an empty cell; with its reference ("C9") and style when given.
    /// </summary>
    public static Cell XlsxCell(object? value, string? reference = null, uint? style = null)
    {
        var cell = value switch
        {
            null => new Cell(),
            double or int or long or float or decimal => new Cell
            {
                DataType = CellValues.Number,
                CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
            },
            _ => new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value.ToString() ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
            },
        };
        cell.CellReference = reference;
        if (style is { } index)
        {
            cell.StyleIndex = index;
        }

        return cell;
    }
}
