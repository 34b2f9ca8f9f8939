using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using OpenDti.Domain.Problems;

namespace OpenDti.Dossiers.Input;

/// <summary>
/// The small side files (procedure catalogue, unit hierarchy) through CsvHelper: a few thousand rows,
/// so strings are fine here. Columns are found by header name (<see cref="DossierHeader.Normalise"/>),
/// text comes out trimmed and in NFC, line numbers count the header as line 1.
/// </summary>
internal static class SmallCsv
{
    public sealed record Row(int Line, IReadOnlyList<string> Values);

    public static (IReadOnlyList<int>? Columns, List<Row> Rows, List<InputProblem> Problems) Read(
        Stream stream, string source, IReadOnlyList<(string Field, string[] Aliases, bool Required)> wanted)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var problems = new List<InputProblem>();
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read())
        {
            problems.Add(new InputProblem("dossiers.empty-file", new ProblemPlace(source, Row: 1), "một dòng tiêu đề / a header line", ""));
            return (null, [], problems);
        }

        var names = csv.Parser.Record ?? [];
        var normalised = names.Select(DossierHeader.Normalise).ToList();
        var columns = new List<int>();
        foreach (var (field, aliases, required) in wanted)
        {
            var index = normalised.FindIndex(n => aliases.Contains(n, StringComparer.Ordinal));
            if (index < 0 && required)
            {
                problems.Add(new InputProblem("dossiers.missing-column", new ProblemPlace(source, Row: 1, Column: field),
                    $"cột {field} (tên chấp nhận / accepted names: {string.Join(", ", aliases)})", string.Join(", ", names)));
            }

            columns.Add(index);
        }

        if (problems.Count > 0)
        {
            return (null, [], problems);
        }

        var rows = new List<Row>();
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var values = columns.Select(c => c >= 0 && c < record.Length ? record[c].Trim().Normalize(NormalizationForm.FormC) : "").ToList();
            rows.Add(new Row(csv.Parser.RawRow - (record.Sum(v => v.Count(ch => ch == '\n'))), values));
        }

        return (columns, rows, problems);
    }
}
