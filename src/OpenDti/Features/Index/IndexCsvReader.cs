using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsvHelper;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Problems;

namespace OpenDti.Features.Index;

/// <summary>
/// Reads COINr-shaped CSV files: indicator data (<c>uCode</c>, <c>uName</c>, <c>Group_*</c>, numeric columns) and
/// indicator metadata. Every bad cell is a problem with its record number and column; an empty cell or <c>NA</c> is missing.
/// </summary>
internal static class IndexCsvReader
{
    public static Checked<IndexData> ReadData(TextReader text)
    {
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        var problems = new List<IndexProblem>();
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || !header.Contains("uCode", StringComparer.Ordinal))
        {
            return CheckedResult.Invalid<IndexData>([new IndexProblem(IndexProblem.Data, null, "uCode", "expected a header row with a uCode column")]);
        }

        var numeric = header.Where(h => h is not ("uCode" or "uName") && !h.StartsWith("Group_", StringComparison.Ordinal)).ToArray();
        var groups = header.Where(h => h.StartsWith("Group_", StringComparison.Ordinal)).ToArray();
        var codes = new List<string>();
        var names = new List<string>();
        var columns = numeric.ToDictionary(c => c, _ => new List<double>(), StringComparer.Ordinal);
        var labels = groups.ToDictionary(g => g, _ => new List<string>(), StringComparer.Ordinal);
        for (var row = 1; csv.Read(); row++)
        {
            codes.Add(Text(csv.GetField("uCode")));
            names.Add(header.Contains("uName", StringComparer.Ordinal) ? Text(csv.GetField("uName")) : "");
            foreach (var g in groups)
            {
                labels[g].Add(Text(csv.GetField(g)));
            }

            foreach (var c in numeric)
            {
                columns[c].Add(Number(csv.GetField(c), IndexProblem.Data, row, c, problems));
            }
        }

        return problems.Count > 0
            ? CheckedResult.Invalid<IndexData>(problems)
            : CheckedResult.Valid(new IndexData
            {
                UnitCodes = [.. codes],
                UnitNames = [.. names],
                Groups = labels.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
                Columns = columns.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
            });
    }

    public static Checked<IndexMetadata> ReadMetadata(TextReader text)
    {
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        var problems = new List<IndexProblem>();
        string[] required = ["iCode", "Level", "Parent", "Weight", "Direction", "Type"];
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || required.Any(r => !header.Contains(r, StringComparer.Ordinal)))
        {
            return CheckedResult.Invalid<IndexMetadata>([new IndexProblem(IndexProblem.Metadata, null, null, $"expected a header row with {string.Join(", ", required)}")]);
        }

        var nodes = new List<IndexNode>();
        for (var row = 1; csv.Read(); row++)
        {
            var type = Text(csv.GetField("Type"));
            if (type is not ("Indicator" or "Aggregate"))
            {
                problems.Add(new IndexProblem(IndexProblem.Metadata, row, "Type", $"expected Indicator or Aggregate; found '{type}'"));
            }

            double? Optional(string column) =>
                header.Contains(column, StringComparer.Ordinal) && Text(csv.GetField(column)) is { Length: > 0 } and not "NA" ? Number(csv.GetField(column), IndexProblem.Metadata, row, column, problems) : null;
            nodes.Add(new IndexNode
            {
                Code = Text(csv.GetField("iCode")),
                Name = header.Contains("iName", StringComparer.Ordinal) ? Text(csv.GetField("iName")) : "",
                Level = (int)Whole(csv.GetField("Level"), row, "Level", problems),
                Parent = Text(csv.GetField("Parent")) is { Length: > 0 } and not "NA" and var parent ? parent : null,
                Weight = Number(csv.GetField("Weight"), IndexProblem.Metadata, row, "Weight", problems),
                Direction = (int)Whole(csv.GetField("Direction"), row, "Direction", problems),
                Type = type == "Aggregate" ? NodeType.Aggregate : NodeType.Indicator,
                GoalpostLow = Optional("Goalpost_lo"),
                GoalpostHigh = Optional("Goalpost_hi"),
                Target = Optional("Target"),
            });
        }

        return problems.Count > 0 ? CheckedResult.Invalid<IndexMetadata>(problems) : IndexMetadata.Create(nodes);
    }

    private static string Text(string? field) => (field ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static double Number(string? field, string source, int row, string column, List<IndexProblem> problems)
    {
        var text = Text(field);
        if (text is "" or "NA")
        {
            return double.NaN;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        problems.Add(new IndexProblem(source, row, column, $"expected a number like 12.5 (decimal point, no thousands separator) or an empty cell; found '{text}'"));
        return double.NaN;
    }

    private static double Whole(string? field, int row, string column, List<IndexProblem> problems)
    {
        var before = problems.Count;
        var value = Number(field, IndexProblem.Metadata, row, column, problems);
        if (problems.Count > before)
        {
            return 0;
        }

        if (double.IsNaN(value) || value != Math.Floor(value) || Math.Abs(value) > 1000)
        {
            problems.Add(new IndexProblem(IndexProblem.Metadata, row, column, $"expected a whole number; found '{Text(field)}'"));
            return 0;
        }

        return value;
    }
}
