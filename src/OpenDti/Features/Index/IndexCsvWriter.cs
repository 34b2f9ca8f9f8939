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
    /// <summary>imputed.csv, treated.csv, normalised.csv, aggregated.csv, results.csv, audit.csv and treatment.csv.</summary>
    public static void WriteCompute(IndexResult result, string directory)
    {
        Write(directory, "imputed.csv", csv => Table(csv, result.Imputed));
        Write(directory, "treated.csv", csv => Table(csv, result.Treated));
        Write(directory, "normalised.csv", csv => Table(csv, result.Normalised));
        Write(directory, "aggregated.csv", csv => Table(csv, result.Aggregated));
        Write(directory, "results.csv", csv => Results(csv, result));
        Write(directory, "audit.csv", csv => Audit(csv, result));
        Write(directory, "treatment.csv", csv => Treatment(csv, result));
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

    /// <summary>One row per child of each aggregate (children before parents, the index last); alpha repeats per aggregate.</summary>
    private static void Audit(CsvWriter csv, IndexResult result)
    {
        Fields(csv, "aggregate", "child", "pearson_with_parent", "spearman_with_parent", "pearson_with_index", "spearman_with_index", "cronbach_alpha");
        foreach (var a in result.Audit.Aggregates)
        {
            foreach (var c in a.Children)
            {
                Fields(csv, a.Code, c.Code, Number(c.PearsonWithParent), Number(c.SpearmanWithParent), Number(c.PearsonWithIndex), Number(c.SpearmanWithIndex), Number(a.CronbachAlpha));
            }
        }
    }

    /// <summary>
    /// One row per indicator: treated points are the values winsorised, or every available value when the indicator
    /// was log-transformed; winsorised values read <c>uCode:before-&gt;after</c>, separated by semicolons.
    /// </summary>
    private static void Treatment(CsvWriter csv, IndexResult result)
    {
        Fields(csv, "iCode", "data_availability", "treated_points", "winsorised_values", "log_transformed", "skewness_before", "kurtosis_before", "skewness_after", "kurtosis_after");
        for (var k = 0; k < result.Treatments.Length; k++)
        {
            var t = result.Treatments[k];
            var points = t.LogTransformed ? result.Treated.Columns[k].Count(v => !double.IsNaN(v)) : t.WinsorisedPoints;
            var winsorised = string.Join(';', result.WinsorisedValues(t.Code).Select(w => $"{w.UnitCode}:{Number(w.Before)}->{Number(w.After)}"));
            Fields(
                csv,
                t.Code,
                Number(result.Audit.Indicators[k].DataAvailability),
                points.ToString(CultureInfo.InvariantCulture),
                winsorised,
                t.LogTransformed ? "yes" : "no",
                Number(t.SkewnessBefore),
                Number(t.KurtosisBefore),
                Number(t.SkewnessAfter),
                Number(t.KurtosisAfter));
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
