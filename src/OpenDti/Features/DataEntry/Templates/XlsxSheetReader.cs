using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Reads the cells of a worksheet as they are stored — number, text, formula, date, percentage, boolean,
/// error — streaming through the part's XML (no DTDs, at most <c>maxCharacters</c> characters a part), so a
/// large sheet is never held as a document tree. Element names are matched without their namespace, so
/// both transitional and strict workbooks read.
/// </summary>
internal sealed class XlsxSheetReader
{
    private readonly IReadOnlyList<string> _sharedStrings;
    private readonly IReadOnlyList<FormatKind> _styles;
    private readonly long _maxCharacters;

    private XlsxSheetReader(IReadOnlyList<string> sharedStrings, IReadOnlyList<FormatKind> styles, long maxCharacters)
    {
        _sharedStrings = sharedStrings;
        _styles = styles;
        _maxCharacters = maxCharacters;
    }

    public static XlsxSheetReader For(WorkbookPart workbook, long maxCharacters) =>
        new(SharedStrings(workbook.SharedStringTablePart, maxCharacters), Styles(workbook.WorkbookStylesPart), maxCharacters);

    /// <summary>Every non-empty cell of the sheet, in file order, with its 1-based row and column.</summary>
    public IEnumerable<SheetCell> Cells(WorksheetPart sheet)
    {
        using var stream = sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings(_maxCharacters));
        var row = 0;
        var column = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                column = 0;
            }
            else if (xml.LocalName == "c")
            {
                var reference = xml.GetAttribute("r");
                column = reference is null ? column + 1 : ColumnOf(reference);
                var cell = ReadCell(xml, row, column);
                if (cell.Kind != CellKind.Blank)
                {
                    yield return cell;
                }
            }
        }
    }

    private SheetCell ReadCell(XmlReader xml, int row, int column)
    {
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? value = null;
        string? formula = null;
        var inline = new StringBuilder();
        if (!xml.IsEmptyElement)
        {
            // Reading an element's content moves the reader past it, so the loop advances only when it did not.
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    switch (xml.LocalName)
                    {
                        case "v":
                            value = xml.ReadElementContentAsString();
                            continue;
                        case "f":
                            formula = xml.ReadElementContentAsString();
                            continue;
                        case "t":
                            inline.Append(xml.ReadElementContentAsString());
                            continue;
                        case "rPh":
                            xml.Skip();
                            continue;
                    }
                }

                xml.Read();
            }
        }

        if (formula is not null)
        {
            return new SheetCell(row, column, CellKind.Formula, "=" + formula, 0);
        }

        switch (type)
        {
            case "s":
                var index = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                return index >= 0 && index < _sharedStrings.Count
                    ? Text(row, column, _sharedStrings[index])
                    : new SheetCell(row, column, CellKind.Error, $"#REF (shared string {value})", 0);
            case "inlineStr":
                return Text(row, column, inline.ToString());
            case "str":
                return Text(row, column, value ?? string.Empty);
            case "b":
                return new SheetCell(row, column, CellKind.Boolean, value == "1" ? "TRUE" : "FALSE", 0);
            case "e":
                return new SheetCell(row, column, CellKind.Error, value ?? "#N/A", 0);
            case "d":
                return new SheetCell(row, column, CellKind.Date, value ?? string.Empty, 0);
        }

        if (string.IsNullOrEmpty(value))
        {
            return new SheetCell(row, column, CellKind.Blank, string.Empty, 0);
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new SheetCell(row, column, CellKind.Error, value, 0);
        }

        var format = style >= 0 && style < _styles.Count ? _styles[style] : FormatKind.Plain;
        return format switch
        {
            FormatKind.Date => new SheetCell(row, column, CellKind.Date, DateText(number), number),
            FormatKind.Percent => new SheetCell(row, column, CellKind.Percent, Math.Round(number * 100, 10).ToString("R", CultureInfo.InvariantCulture) + "%", number),
            _ => new SheetCell(row, column, CellKind.Number, number.ToString("R", CultureInfo.InvariantCulture), number),
        };
    }

    private static SheetCell Text(int row, int column, string text) =>
        new(row, column, text.Length == 0 ? CellKind.Blank : CellKind.Text, text, 0);

    private static string DateText(double serial) =>
        serial is > -657435 and < 2958466 ? DateTime.FromOADate(serial).ToString(serial % 1 == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : serial.ToString("R", CultureInfo.InvariantCulture);

    private static int ColumnOf(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetterUpper(reference[letters]))
        {
            letters++;
        }

        return TemplateLayout.ColumnNumber(reference.AsSpan(0, letters));
    }

    private static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreWhitespace = false,
    };

    private static List<string> SharedStrings(SharedStringTablePart? part, long maxCharacters)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings(maxCharacters));
        StringBuilder? current = null;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.IsEmptyElement)
            {
                strings.Add(string.Empty);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                current = new StringBuilder();
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "si" && current is not null)
            {
                strings.Add(current.ToString());
                current = null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                // Phonetic guides (East Asian readings) are not part of the text.
                xml.Skip();
                continue;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && current is not null)
            {
                current.Append(xml.ReadElementContentAsString());
                continue;
            }

            xml.Read();
        }

        return strings;
    }

    /// <summary>For each cell format index: whether its number format shows a date or a percentage.</summary>
    private static List<FormatKind> Styles(WorkbookStylesPart? part)
    {
        var kinds = new List<FormatKind>();
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return kinds;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            kinds.Add(custom.TryGetValue(id, out var code) ? KindOfCode(code) : KindOfBuiltIn(id));
        }

        return kinds;
    }

    // ECMA-376 part 1, 18.8.30: the built-in formats 9 and 10 are percentages, 14–22 and 45–47 dates and
    // times; 27–36 and 50–58 are the East Asian date formats.
    private static FormatKind KindOfBuiltIn(uint id) => id switch
    {
        9 or 10 => FormatKind.Percent,
        (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) => FormatKind.Date,
        _ => FormatKind.Plain,
    };

    /// <summary>A custom format is a date if it has d, m, y, h or s outside quotes, brackets and escapes; a percentage if it has %.</summary>
    private static FormatKind KindOfCode(string code)
    {
        var plain = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                i = code.IndexOf('"', i + 1) is var end and >= 0 ? end : code.Length;
            }
            else if (c == '[')
            {
                i = code.IndexOf(']', i + 1) is var end and >= 0 ? end : code.Length;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var text = plain.ToString();
        if (text.Contains('%', StringComparison.Ordinal))
        {
            return FormatKind.Percent;
        }

        return text.IndexOfAny(['d', 'm', 'y', 'h', 's']) >= 0 && !text.Contains("general", StringComparison.Ordinal)
            ? FormatKind.Date
            : FormatKind.Plain;
    }

    private enum FormatKind
    {
        Plain,
        Date,
        Percent,
    }
}

/// <summary>What a cell holds as stored.</summary>
internal enum CellKind
{
    Blank,
    Number,
    Text,
    Formula,
    Date,
    Percent,
    Boolean,
    Error,
}

/// <summary>A cell: 1-based row and column, its kind, its text as shown in messages, and its number when it is one.</summary>
internal sealed record SheetCell(int Row, int Column, CellKind Kind, string Text, double Number)
{
    public string Reference => TemplateLayout.ColumnLetters(Column) + Row.ToString(CultureInfo.InvariantCulture);
}
