using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using OpenDti.Domain.Values;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Reads an uploaded CSV file: UTF-8 (with or without a byte order mark), separated by "," or ";" (whichever
/// the header line uses, outside quotes), one row per (unit, measure) with the columns of
/// <see cref="TemplateLayout.CsvColumns"/> (unit, measure and value required, in any order). Numbers follow the
/// separator: "," files write 1234.5, ";" files — what Excel writes on Vietnamese Windows — write 1.234,5.
/// </summary>
internal static class TemplateCsvReader
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static UploadedFile Read(byte[] bytes, DataSetView dataSet, Period period, UploadText text)
    {
        string content;
        try
        {
            var bom = Encoding.UTF8.GetPreamble();
            var start = bytes.AsSpan().StartsWith(bom) ? bom.Length : 0;
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            return UploadedFile.Failed(UploadText.Problem("csv.encoding", text.File,
                text["UTF-8 text (in Excel: Save As, then 'CSV UTF-8')"], text["bytes that are not UTF-8, near byte {0}", Math.Max(e.Index, 0)]));
        }

        var separator = Separator(content);
        var style = separator == ';' ? NumberStyle.Vietnamese : NumberStyle.DecimalPoint;
        var file = new UploadedFile();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            HasHeaderRecord = false,
            MaxFieldSize = 10_000,
            BadDataFound = args => file.Problems.Add(UploadText.Problem("csv.malformed",
                text.At(null, args.Context.Parser?.Row ?? 0, "?", null), text["a well-formed CSV line (quotes around a whole field, doubled inside it)"], args.RawRecord.TrimEnd())),
        };
        try
        {
            using var reader = new StringReader(content);
            using var parser = new CsvParser(reader, configuration);
            if (!parser.Read())
            {
                return UploadedFile.Failed(UploadText.Problem("file.empty", text.File, text["a header line and one line per value"], text["upload.an empty file"]));
            }

            var columns = Header(parser.Record ?? [], text, file);
            if (columns is null)
            {
                return file;
            }

            var seen = new Dictionary<(string, string), int>();
            while (parser.Read())
            {
                if (parser.Row > ValueWriter.MaxBatch + 1)
                {
                    file.Problems.Add(UploadText.Problem("batch.too-large", text.File, text["at most {0} values in one file", ValueWriter.MaxBatch], text["upload.more lines"]));
                    return file;
                }

                ReadLine(parser.Row, parser.Record ?? [], columns, dataSet, period, style, seen, file, text);
            }
        }
        catch (MaxFieldSizeException)
        {
            file.Problems.Add(UploadText.Problem("csv.field-too-long", text.File, text["fields of at most {0} characters", 10_000], text["a longer field (an unclosed quote?)"]));
        }

        return file;
    }

    private static void ReadLine(
        int line, string[] record, Dictionary<string, int> columns, DataSetView dataSet, Period period, NumberStyle style,
        Dictionary<(string, string), int> seen, UploadedFile file, UploadText text)
    {
        string? Field(string name) => columns.TryGetValue(name, out var i) && i < record.Length ? Unneutralise(record[i].Trim()) : null;
        Domain.Problems.ProblemPlace Place(string name) => text.At(null, line, TemplateLayout.ColumnLetters(columns[name] + 1), name);
        if (record.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        var before = file.Problems.Count;
        var unit = Field("unit");
        var measure = Field("measure")?.ToUpperInvariant();
        if (string.IsNullOrEmpty(unit))
        {
            file.Problems.Add(UploadText.Problem("unit.missing", Place("unit"), text["upload.a unit code"], text["upload.an empty cell"]));
        }

        if (string.IsNullOrEmpty(measure) || !dataSet.Fields.Any(f => f.Measure.Code.Value == measure))
        {
            file.Problems.Add(UploadText.Problem("measure.unknown", Place("measure"),
                text["a measure of {0}: {1}", dataSet.DataSet.Code, string.Join(", ", dataSet.Fields.Select(f => f.Measure.Code.Value))], $"'{Field("measure")}'"));
        }

        if (Field("period") is { Length: > 0 } given && given != period.ToString())
        {
            file.Problems.Add(UploadText.Problem("period.other", Place("period"), text["the period {0} (the period of this upload)", period.ToString()], $"'{given}'"));
        }

        double? value = null;
        if (Field("value") is { Length: > 0 } written)
        {
            if (UploadNumber.TryParse(written, style, out var number))
            {
                value = number;
            }
            else
            {
                file.Problems.Add(UploadText.Problem("value.not-number", Place("value"),
                    style == NumberStyle.Vietnamese ? text["a number written the Vietnamese way, as the file is separated by ';' (1.234,5)"] : text["a number with a decimal point, as the file is separated by ',' (1234.5)"],
                    $"'{written}'"));
            }
        }

        Guid? version = null;
        if (columns.ContainsKey("version"))
        {
            var versionText = Field("version");
            if (string.IsNullOrEmpty(versionText))
            {
                version = Guid.Empty;
            }
            else if (Guid.TryParse(versionText, out var parsed))
            {
                version = parsed;
            }
            else
            {
                file.Problems.Add(UploadText.Problem("version.invalid", Place("version"), text["the version as the template gave it, or nothing"], $"'{versionText}'"));
            }
        }

        if (file.Problems.Count > before)
        {
            return;
        }

        if (seen.TryGetValue((unit!, measure!), out var first))
        {
            file.Problems.Add(UploadText.Problem("value.duplicate", Place("value"), text["each unit and measure on one line"], text["{0} {1}, already on line {2}", unit!, measure!, first]));
            return;
        }

        seen[(unit!, measure!)] = line;
        var row = new UploadedRow(unit!, Place("unit"));
        file.Rows.Add(row);
        var comment = Field("comment");
        file.Cells.Add(new UploadedCell(
            row, measure!, Place("measure"), Place("value"), value, string.IsNullOrEmpty(comment) ? null : comment,
            columns.ContainsKey("comment") ? Place("comment") : Place("value"), null, version));
    }

    /// <summary>The columns by name, or null (with problems) when the header line is not one we read.</summary>
    private static Dictionary<string, int>? Header(string[] names, UploadText text, UploadedFile file)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            var place = text.At(null, 1, TemplateLayout.ColumnLetters(i + 1), name);
            if (!TemplateLayout.CsvColumns.Contains(name))
            {
                file.Problems.Add(UploadText.Problem("csv.column-unknown", place, text["one of the columns {0}", string.Join(", ", TemplateLayout.CsvColumns)], $"'{names[i]}'"));
            }
            else if (!columns.TryAdd(name, i))
            {
                file.Problems.Add(UploadText.Problem("csv.column-repeated", place, text["upload.each column once"], text["a second column {0}", name]));
            }
        }

        foreach (var required in TemplateLayout.CsvRequired.Where(r => !columns.ContainsKey(r)))
        {
            file.Problems.Add(UploadText.Problem("csv.column-missing", text.At(null, 1, "?", required), text["a column named {0}", required], text["upload.the header {0}", string.Join(",", names)]));
        }

        return file.Problems.Count > 0 ? null : columns;
    }

    /// <summary>"," or ";": the one that occurs more often, outside quotes, on the first line.</summary>
    private static char Separator(string content)
    {
        var (commas, semicolons, quoted) = (0, 0, false);
        foreach (var c in content)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>Undoes the apostrophe a download puts before text a spreadsheet would take for a formula.</summary>
    private static string Unneutralise(string field) =>
        field.Length > 1 && field[0] == '\'' && FormulaStarts.Contains(field[1]) ? field[1..] : field;
}
