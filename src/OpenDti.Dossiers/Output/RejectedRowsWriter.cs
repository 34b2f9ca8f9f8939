using System.Globalization;
using System.Text;
using OpenDti.Dossiers.Kpis;

namespace OpenDti.Dossiers.Output;

/// <summary>
/// The side file of <c>--skip-invalid</c>: one line per rejected row — its line in the export, the columns
/// and problems found, and the row as written — so it can be fixed and loaded again.
/// </summary>
public static class RejectedRowsWriter
{
    public static void Write(string path, IEnumerable<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("line,column,problem,expected,found,row\n");
        foreach (var row in rejected)
        {
            writer.Write(string.Join(',',
                row.Line.ToString(CultureInfo.InvariantCulture),
                KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Place.Column))),
                KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Code))),
                KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Expected))),
                KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Found))),
                KpiCsvWriter.Text(Encoding.UTF8.GetString(row.Raw))));
            writer.Write('\n');
        }
    }
}
