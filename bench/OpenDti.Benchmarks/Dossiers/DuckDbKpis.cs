using System.Globalization;
using DuckDB.NET.Data;

namespace OpenDti.Benchmarks.Dossiers;

/// <summary>
/// The dossier KPIs computed by DuckDB from the same CSV files, to the same definitions (docs/dossier-kpis.md):
/// the reference our engine must match value for value and beat on time. Shared by the benchmark and the
/// identity test (linked into tests/OpenDti.Dossiers.Tests).
/// </summary>
internal static class DuckDbKpis
{
    /// <summary>One KPI row as DuckDB computes it, keyed by unit and month ("all" for the whole file).</summary>
    public sealed record Row(string UnitCode, string Month, long Received, long ReceivedOnline, double? OnlineShare, long Resolved,
        long ResolvedOnTime, double? OnTimeShare, long OverdueOpen, double? AverageProcessingDays, double? MedianProcessingDays,
        int? FullOnlineProcedures, int? FullOnlineProceduresWithOnlineDossier, double? FullOnlineShare);

    /// <summary>
    /// With <paramref name="lastRowPerDossier"/>, the file is loaded into a table first and a dossier id given
    /// twice keeps its last row (the table's row order is the file's); without, every row counts, which is the
    /// same on a file without repeated ids and lets DuckDB stream the file as fast as it can.
    /// </summary>
    public static List<Row> Compute(string dossiers, string catalogue, string units, int threads, bool lastRowPerDossier)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
        Execute(connection, $"""
            CREATE TEMP TABLE cat AS
            SELECT procedure_code, lower(service_level) IN ('full', '4') AS full_online
            FROM read_csv('{catalogue}', header = true, all_varchar = true)
            """);
        Execute(connection, $"CREATE TEMP TABLE units AS SELECT code, parent_code FROM read_csv('{units}', header = true, all_varchar = true)");
        var read = $$"""
            read_csv('{{dossiers}}', header = true, quote = '"', escape = '"', timestampformat = '%d/%m/%Y %H:%M:%S',
                columns = {'dossier_id': 'VARCHAR', 'procedure_code': 'VARCHAR', 'procedure_name': 'VARCHAR', 'unit_code': 'VARCHAR',
                           'channel': 'VARCHAR', 'received_at': 'TIMESTAMP', 'due_at': 'TIMESTAMP', 'finished_at': 'TIMESTAMP', 'status': 'VARCHAR'})
            """;
        string source;
        if (lastRowPerDossier)
        {
            Execute(connection, $"CREATE TEMP TABLE raw AS SELECT * FROM {read}");
            source = "(SELECT * FROM raw QUALIFY row_number() OVER (PARTITION BY dossier_id ORDER BY rowid DESC) = 1)";
        }
        else
        {
            source = read;
        }

        var sql = $"""
            WITH d AS (
                SELECT unit_code, procedure_code, lower(channel) = 'online' AS online, received_at, due_at, finished_at,
                       strftime(received_at, '%Y-%m') AS month,
                       date_diff('second', received_at, finished_at) AS seconds
                FROM {source}
            ),
            anc AS (
                WITH RECURSIVE chain(unit, ancestor) AS (
                    SELECT DISTINCT unit_code, unit_code FROM d
                    UNION
                    SELECT c.unit, coalesce(nullif(u.parent_code, ''), 'VN')
                    FROM chain c LEFT JOIN units u ON u.code = c.ancestor
                    WHERE c.ancestor <> 'VN'
                )
                SELECT * FROM chain
            ),
            full_count AS (SELECT count(*) FILTER (full_online) AS n, count(*) AS all_n FROM cat)
            SELECT a.ancestor AS unit_code, coalesce(d.month, 'all') AS month,
                   count(*) AS received,
                   count(*) FILTER (d.online) AS received_online,
                   count(d.finished_at) AS resolved,
                   count(*) FILTER (d.finished_at <= d.due_at) AS resolved_on_time,
                   count(*) FILTER (d.finished_at IS NULL AND d.due_at < date_trunc('month', d.received_at) + INTERVAL 1 MONTH) AS overdue_open,
                   sum(d.seconds) AS seconds,
                   median(d.seconds // 60) AS median_minutes,
                   count(DISTINCT d.procedure_code) FILTER (d.online AND cat.full_online) AS with_online,
                   any_value(full_count.n) AS full_n,
                   any_value(full_count.all_n) AS catalogue_n
            FROM d
            JOIN anc a ON a.unit = d.unit_code
            LEFT JOIN cat ON cat.procedure_code = d.procedure_code
            CROSS JOIN full_count
            GROUP BY GROUPING SETS ((a.ancestor, d.month), (a.ancestor))
            """;
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            var received = reader.GetInt64(2);
            var online = reader.GetInt64(3);
            var resolved = reader.GetInt64(4);
            var onTime = reader.GetInt64(5);
            double? seconds = reader.IsDBNull(7) ? null : (double)ToLong(reader.GetValue(7));
            double? medianMinutes = reader.IsDBNull(8) ? null : Convert.ToDouble(reader.GetValue(8), CultureInfo.InvariantCulture);
            var withOnline = (int)reader.GetInt64(9);
            var fullCount = (int)reader.GetInt64(10);
            var hasCatalogue = reader.GetInt64(11) > 0;
            rows.Add(new Row(
                reader.GetString(0), reader.GetString(1), received, online, (double)online / received, resolved, onTime,
                resolved == 0 ? null : (double)onTime / resolved,
                reader.GetInt64(6),
                resolved == 0 ? null : seconds / (resolved * 86_400.0),
                medianMinutes / 1440.0,
                hasCatalogue ? fullCount : null,
                hasCatalogue ? withOnline : null,
                hasCatalogue && fullCount > 0 ? (double)withOnline / fullCount : null));
        }

        return rows;
    }

    private static long ToLong(object value) => value switch
    {
        System.Numerics.BigInteger big => (long)big,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
