using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using OpenDti.Dossiers.Records;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// Loads the rows of one file into a temporary staging table by the bulk path of each store, then replaces
/// the stored state of their dossiers with one upsert. SQLite: prepared INSERT OR REPLACE reused for every
/// row, inside the caller's transaction (one transaction is what makes SQLite fast). PostgreSQL: binary COPY
/// into the staging table, the last row of each dossier kept by DISTINCT ON. Either way a dossier given twice
/// in the file counts as its last row, and a dossier already stored is replaced, never added again.
/// Figures: README, "Benchmarks".
/// </summary>
internal sealed class DossierStateWriter : IAsyncDisposable
{
    private const string Columns = "dossier_id, unit_code, procedure_code, channel, received_at, due_at, finished_at, status, month, month_end";

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _isPostgres;
    private NpgsqlBinaryImporter? _copy;
    private SqliteCommand? _insert;
    private long _line;

    private DossierStateWriter(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _isPostgres = connection is NpgsqlConnection;
    }

    public static async Task<DossierStateWriter> StartAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var writer = new DossierStateWriter(connection, transaction);
        await writer.ExecuteAsync(writer._isPostgres
            ? "CREATE TEMP TABLE dossier_staging (line bigint NOT NULL, dossier_id text NOT NULL, unit_code text NOT NULL, procedure_code text NOT NULL, channel integer NOT NULL, received_at bigint NOT NULL, due_at bigint NOT NULL, finished_at bigint, status text NOT NULL, month integer NOT NULL, month_end bigint NOT NULL) ON COMMIT DROP"
            : "CREATE TEMP TABLE dossier_staging (dossier_id TEXT NOT NULL PRIMARY KEY, unit_code TEXT NOT NULL, procedure_code TEXT NOT NULL, channel INTEGER NOT NULL, received_at INTEGER NOT NULL, due_at INTEGER NOT NULL, finished_at INTEGER, status TEXT NOT NULL, month INTEGER NOT NULL, month_end INTEGER NOT NULL)",
            cancellationToken);
        if (writer._isPostgres)
        {
            writer._copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                $"COPY dossier_staging (line, {Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        }
        else
        {
            var insert = ((SqliteConnection)connection).CreateCommand();
            insert.Transaction = (SqliteTransaction)transaction;
            insert.CommandText = $"INSERT OR REPLACE INTO dossier_staging ({Columns}) VALUES ($id, $unit, $procedure, $channel, $received, $due, $finished, $status, $month, $monthEnd)";
            foreach (var name in new[] { "$id", "$unit", "$procedure", "$channel", "$received", "$due", "$finished", "$status", "$month", "$monthEnd" })
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            insert.Prepare();
            writer._insert = insert;
        }

        return writer;
    }

    /// <summary>Adds one row to the staging table. Synchronous: it is called from the file reader's loop.</summary>
    public void Add(DossierRecord record)
    {
        if (_copy is not null)
        {
            _copy.StartRow();
            _copy.Write(++_line, NpgsqlDbType.Bigint);
            _copy.Write(record.Id, NpgsqlDbType.Text);
            _copy.Write(record.UnitCode, NpgsqlDbType.Text);
            _copy.Write(record.ProcedureCode, NpgsqlDbType.Text);
            _copy.Write((int)record.Channel, NpgsqlDbType.Integer);
            _copy.Write(record.ReceivedAt, NpgsqlDbType.Bigint);
            _copy.Write(record.DueAt, NpgsqlDbType.Bigint);
            if (record.FinishedAt == DossierRecord.Open)
            {
                _copy.WriteNull();
            }
            else
            {
                _copy.Write(record.FinishedAt, NpgsqlDbType.Bigint);
            }

            _copy.Write(record.Status, NpgsqlDbType.Text);
            _copy.Write(record.Month, NpgsqlDbType.Integer);
            _copy.Write(record.MonthEnd, NpgsqlDbType.Bigint);
            return;
        }

        var p = _insert!.Parameters;
        p[0].Value = record.Id;
        p[1].Value = record.UnitCode;
        p[2].Value = record.ProcedureCode;
        p[3].Value = (int)record.Channel;
        p[4].Value = record.ReceivedAt;
        p[5].Value = record.DueAt;
        p[6].Value = record.FinishedAt == DossierRecord.Open ? DBNull.Value : record.FinishedAt;
        p[7].Value = record.Status;
        p[8].Value = record.Month;
        p[9].Value = record.MonthEnd;
        _insert.ExecuteNonQuery();
    }

    /// <summary>
    /// Ends the loading; returns the (unit code, month) cells the file touches — where its dossiers are now and
    /// where the stored ones were before — and how many of its dossiers were new, then replaces the stored state.
    /// </summary>
    public async Task<StagedChanges> ApplyAsync(long ingestionId, CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(cancellationToken);
            await _copy.DisposeAsync();
            _copy = null;

            // The last row of each dossier, so the upsert sees each id once.
            await ExecuteAsync($"CREATE TEMP TABLE dossier_latest ON COMMIT DROP AS SELECT DISTINCT ON (dossier_id) {Columns} FROM dossier_staging ORDER BY dossier_id, line DESC", cancellationToken);
            await ExecuteAsync("CREATE UNIQUE INDEX ON dossier_latest (dossier_id)", cancellationToken);
            await ExecuteAsync("ANALYZE dossier_latest", cancellationToken);
        }

        var staging = _isPostgres ? "dossier_latest" : "dossier_staging";

        var cells = new HashSet<(string Unit, int Month)>();
        await ReadCellsAsync($"SELECT DISTINCT unit_code, month FROM {staging}", cells, cancellationToken);
        var before = cells.Count;
        await ReadCellsAsync($"SELECT DISTINCT d.unit_code, d.month FROM dossier_states d JOIN {staging} s ON s.dossier_id = d.dossier_id", cells, cancellationToken);
        var staged = await ScalarAsync($"SELECT COUNT(*) FROM {staging}", cancellationToken);
        var existing = await ScalarAsync($"SELECT COUNT(*) FROM {staging} s WHERE EXISTS (SELECT 1 FROM dossier_states d WHERE d.dossier_id = s.dossier_id)", cancellationToken);
        var oldUnits = new HashSet<(string Unit, int Month)>();
        await ReadCellsAsync($"SELECT DISTINCT d.unit_code, d.month FROM dossier_states d JOIN {staging} s ON s.dossier_id = d.dossier_id WHERE d.unit_code <> s.unit_code", oldUnits, cancellationToken);

        // "WHERE true": SQLite needs it to read ON CONFLICT after INSERT … SELECT (sqlite.org/lang_upsert.html).
        // A dossier whose state did not change is not rewritten (no new row version on PostgreSQL, and it keeps
        // the ingestion that last changed it): the second WHERE compares every column, null-safe.
        var distinct = _isPostgres ? "IS DISTINCT FROM" : "IS NOT";
        var changed = string.Join(" OR ", Columns.Split(", ").Skip(1).Select(c => $"dossier_states.{c} {distinct} excluded.{c}"));
        var written = await ExecuteAsync($"""
            INSERT INTO dossier_states ({Columns}, ingestion_id)
            SELECT {Columns}, {ingestionId} FROM {staging} WHERE true
            ON CONFLICT (dossier_id) DO UPDATE SET
                unit_code = excluded.unit_code, procedure_code = excluded.procedure_code, channel = excluded.channel,
                received_at = excluded.received_at, due_at = excluded.due_at, finished_at = excluded.finished_at,
                status = excluded.status, month = excluded.month, month_end = excluded.month_end, ingestion_id = excluded.ingestion_id
            WHERE {changed}
            """, cancellationToken);
        if (!_isPostgres)
        {
            await ExecuteAsync("DROP TABLE dossier_staging", cancellationToken);
        }

        return new StagedChanges(cells, [.. oldUnits.Select(c => c.Unit).Distinct(StringComparer.Ordinal)], staged - existing, existing, written - (staged - existing), before);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ReadCellsAsync(string sql, HashSet<(string, int)> into, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add((reader.GetString(0), reader.GetInt32(1)));
        }
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }
}

/// <summary>What one file changed in the stored state.</summary>
/// <param name="Cells">The (unit code, month yyyyMM) cells whose KPIs must be recomputed.</param>
/// <param name="MovedFromUnits">Units that dossiers of the file were stored under before and have left.</param>
/// <param name="Added">Dossiers seen for the first time.</param>
/// <param name="Updated">Dossiers already stored, now replaced (changed or not).</param>
/// <param name="Changed">Of <paramref name="Updated"/>, those whose state changed (the others were not rewritten).</param>
/// <param name="FileCells">How many of <paramref name="Cells"/> the file's own rows make.</param>
internal sealed record StagedChanges(IReadOnlySet<(string Unit, int Month)> Cells, IReadOnlyList<string> MovedFromUnits, long Added, long Updated, long Changed, int FileCells);
