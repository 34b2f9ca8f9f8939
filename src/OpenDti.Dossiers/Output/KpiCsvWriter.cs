using System.Globalization;
using System.Text;
using OpenDti.Dossiers.Kpis;

namespace OpenDti.Dossiers.Output;

/// <summary>
/// Writes KPI rows as CSV (UTF-8, invariant culture, one header line). Shares and days are written with
/// the shortest text that reads back as the same double, so a file can be compared value for value; an
/// empty cell means "not defined" (a share of nothing, a median of no resolved dossier).
/// </summary>
public static class KpiCsvWriter
{
    public static readonly string[] Columns =
    [
        "unit_code", "month", "received", "received_online", "online_share", "resolved", "resolved_on_time", "on_time_share",
        "overdue_open", "avg_processing_days", "median_processing_days", "full_online_procedures",
        "full_online_procedures_with_online_dossier", "full_online_share",
    ];

    public static void Write(TextWriter writer, IEnumerable<KpiRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write(string.Join(',',
                Text(row.UnitCode), row.Month, Number(row.Received), Number(row.ReceivedOnline), Number(row.OnlineShare),
                Number(row.Resolved), Number(row.ResolvedOnTime), Number(row.OnTimeShare), Number(row.OverdueOpen),
                Number(row.AverageProcessingDays), Number(row.MedianProcessingDays), Number(row.FullOnlineProcedures),
                Number(row.FullOnlineProceduresWithOnlineDossier), Number(row.FullOnlineShare)));
            writer.Write('\n');
        }
    }

    public static void Write(string path, IEnumerable<KpiRow> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(writer, rows);
    }

    internal static string Text(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
