using System.Globalization;
using CsvHelper;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Uncertainty;

namespace OpenDti.Features.Index;

/// <summary>
/// Writes the engine's results as CSV (invariant culture, round-trip numbers, missing as an empty cell), each file under
/// a temporary name first and then renamed, so a reader never sees half a file.
/// </summary>
internal static class IndexCsvWriter
{
    /// <summary>imputed.csv, treated.csv, normalised.csv, aggregated.csv and results.csv.</summary>
    public static void WriteCompute(IndexResult result, string directory)
    {
        Write(directory, "imputed.csv", csv => Table(csv, result.Imputed));
        Write(directory, "treated.csv", csv => Table(csv, result.Treated));
        Write(directory, "normalised.csv", csv => Table(csv, result.Normalised));
        Write(directory, "aggregated.csv", csv => Table(csv, result.Aggregated));
        Write(directory, "results.csv", csv => Results(csv, result));
    }

    /// <summary>ranks.csv (per unit) and sensitivity.csv (per factor).</summary>
    public static void WriteSensitivity(UncertaintyResult result, string directory)
    {
        Write(directory, "ranks.csv", csv =>
        {
            Fields(csv, "uCode", "nominal_rank", "median_rank", "p05_rank", "p95_rank");
            foreach (var u in result.Units)
            {
                Fields(csv, u.UnitCode, u.NominalRank?.ToString(CultureInfo.InvariantCulture) ?? "", Number(u.MedianRank), Number(u.P05Rank), Number(u.P95Rank));
            }
        });
        Write(directory, "sensitivity.csv", csv =>
        {
            Fields(csv, "factor", "first_order", "total_effect");
            foreach (var s in result.Sensitivity)
            {
                Fields(csv, s.Factor, Number(s.FirstOrder), Number(s.TotalEffect));
            }
        });
    }

    private static void Table(CsvWriter csv, IndexTable table)
    {
        Fields(csv, ["uCode", .. table.Codes]);
        for (var u = 0; u < table.UnitCodes.Length; u++)
        {
            Fields(csv, [table.UnitCodes[u], .. table.Columns.Select(c => Number(c[u]))]);
        }
    }

    private static void Results(CsvWriter csv, IndexResult result)
    {
        // the index first, then the other aggregates from the top down
        var codes = result.Metadata.AggregateCodes.Reverse().ToArray();
        Fields(csv, ["uCode", .. codes.SelectMany(c => new[] { c, c + "_rank" })]);
        foreach (var unit in result.UnitCodes)
        {
            Fields(csv, [unit, .. codes.SelectMany(c => new[] { Number(result.Score(unit, c)), result.Rank(unit, c)?.ToString(CultureInfo.InvariantCulture) ?? "" })]);
        }
    }

    private static void Write(string directory, string name, Action<CsvWriter> body)
    {
        var path = Path.Combine(directory, name);
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        using (var writer = new StreamWriter(temporary))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            body(csv);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void Fields(CsvWriter csv, params string[] fields)
    {
        foreach (var f in fields)
        {
            csv.WriteField(f);
        }

        csv.NextRecord();
    }

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
