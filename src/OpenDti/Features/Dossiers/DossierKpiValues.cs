using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// Recomputes the KPIs of the (unit, month) cells a file touched from the stored dossier states, rolls them up the
/// unit hierarchy, and writes them as monthly measure values with source "ingestion", each change with its audit
/// entry — the same rows and audit the <see cref="DataEntry.ValueWriter"/> writes, but inside the ingestion's
/// transaction and set-wise: one read of the stored values, one insert per change; an unchanged value is not
/// touched. Counts add up the hierarchy; the mean and the median processing days and the full-online procedures
/// are taken again over every dossier under a unit (the median from one histogram of minutes, never a mean of
/// medians; the procedures as a set, never a sum).
/// </summary>
internal sealed class DossierKpiValues(OpenDtiDbContext db)
{
    private const int Count = 5;

    public async Task<int> WriteAsync(
        IReadOnlySet<(string Unit, int Month)> cells, DossierUnits units, Actor actor, DateTime now, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (cells.Count == 0)
        {
            return 0;
        }

        // The cells to write: each touched unit and every unit above it, except the nation (a file covers a
        // province or a few: a national total would look complete when it is not).
        var targets = new Dictionary<(int UnitId, int Month), CellKpis>();
        foreach (var (code, month) in cells)
        {
            if (units.Resolve(code, MonthEndDate(month)) is not { } unit)
            {
                continue;
            }

            foreach (var id in units.Ancestry(unit.Id).Where(id => units.Level(id) != UnitLevel.Nation))
            {
                targets.TryAdd((id, month), new CellKpis());
            }
        }

        var months = string.Join(',', targets.Keys.Select(t => t.Month).Distinct());
        await ReadAsync(transaction, $"""
            SELECT unit_code, month, COUNT(*),
                SUM(CASE WHEN channel = 0 THEN 1 ELSE 0 END),
                SUM(CASE WHEN finished_at IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN finished_at IS NOT NULL AND finished_at <= due_at THEN 1 ELSE 0 END),
                SUM(CASE WHEN finished_at IS NULL AND due_at < month_end THEN 1 ELSE 0 END),
                CAST(SUM(CASE WHEN finished_at IS NOT NULL THEN finished_at - received_at ELSE 0 END) AS BIGINT)
            FROM dossier_states WHERE month IN ({months})
            GROUP BY unit_code, month
            """, (reader, kpis) =>
            {
                for (var k = 0; k < Count; k++)
                {
                    kpis.Counts[k] += reader.GetInt64(2 + k);
                }

                kpis.ProcessingSeconds += reader.GetInt64(2 + Count);
            }, units, targets, cancellationToken);

        // Processing minutes rounded down (docs/dossier-kpis.md), one row per (unit, month, minute).
        await ReadAsync(transaction, $"""
            SELECT unit_code, month, (finished_at - received_at) / 60, COUNT(*)
            FROM dossier_states WHERE finished_at IS NOT NULL AND month IN ({months})
            GROUP BY 1, 2, 3
            """, (reader, kpis) => kpis.Minutes.Add((reader.GetInt64(2), reader.GetInt64(3))), units, targets, cancellationToken);

        var fullOnline = await db.DossierProcedures.CountAsync(p => p.IsFullOnline, cancellationToken);
        var hasCatalogue = fullOnline > 0 || await db.DossierProcedures.AnyAsync(cancellationToken);
        if (hasCatalogue)
        {
            await ReadAsync(transaction, $"""
                SELECT DISTINCT s.unit_code, s.month, s.procedure_code
                FROM dossier_states s JOIN dossier_procedures p ON p.code = s.procedure_code
                WHERE p.is_full_online AND s.channel = 0 AND s.month IN ({months})
                """, (reader, kpis) => kpis.Procedures.Add(reader.GetString(2)), units, targets, cancellationToken);
        }

        var values = targets.ToDictionary(t => t.Key, t => t.Value.Values(hasCatalogue ? fullOnline : null));
        return await WriteValuesAsync(values, actor, now, cancellationToken);
    }

    // Runs a query whose first two columns are unit code and month, and adds each row into the cell of that unit
    // and of every unit above it that is to be written.
    private async Task ReadAsync(
        DbTransaction transaction, string sql, Action<DbDataReader, CellKpis> add, DossierUnits units, Dictionary<(int, int), CellKpis> targets, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var month = reader.GetInt32(1);
            if (units.Resolve(reader.GetString(0), MonthEndDate(month)) is not { } unit)
            {
                continue;
            }

            foreach (var id in units.Ancestry(unit.Id))
            {
                if (targets.TryGetValue((id, month), out var kpis))
                {
                    add(reader, kpis);
                }
            }
        }
    }

    private async Task<int> WriteValuesAsync(Dictionary<(int UnitId, int Month), double?[]> values, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var codes = DossierMeasures.All.Select(c => new MeasureCode(c)).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code.Value, m => m.Id, StringComparer.Ordinal, cancellationToken);
        var measureIds = DossierMeasures.All.Select(c => measures[c]).ToArray();
        var unitIds = values.Keys.Select(t => t.UnitId).Distinct().ToList();
        var periods = values.Keys.Select(t => PeriodOf(t.Month)).Distinct().ToList();
        var existing = await db.DataValues
            .Where(v => unitIds.Contains(v.UnitId) && measureIds.Contains(v.MeasureId) && periods.Contains(v.Period))
            .ToDictionaryAsync(v => (v.UnitId, v.MeasureId, v.Period), cancellationToken);

        var written = 0;
        foreach (var ((unitId, month), cellValues) in values)
        {
            var period = PeriodOf(month);
            for (var k = 0; k < measureIds.Length; k++)
            {
                var value = cellValues[k];
                var current = existing.GetValueOrDefault((unitId, measureIds[k], period));
                if (current is null ? value is null : current.Value == value && current.Source == actor.Channel && !current.IsDemo)
                {
                    continue;
                }

                db.ValueAudit.Add(new ValueAudit
                {
                    UnitId = unitId,
                    MeasureId = measureIds[k],
                    Period = period,
                    OldValue = current?.Value,
                    NewValue = value,
                    OldComment = current?.Comment,
                    NewComment = value is null ? null : current?.Comment,
                    Actor = actor,
                    Reason = "dossiers ingest",
                    AtUtc = now,
                });
                if (value is not { } v)
                {
                    // No longer defined (nothing resolved any more in that month): the value goes, with its audit entry.
                    db.DataValues.Remove(current!);
                }
                else if (current is null)
                {
                    db.DataValues.Add(new DataValue
                    {
                        UnitId = unitId,
                        MeasureId = measureIds[k],
                        Period = period,
                        Value = v,
                        Source = actor.Channel,
                        UpdatedAtUtc = now,
                        ConcurrencyToken = Guid.NewGuid(),
                    });
                }
                else
                {
                    current.Value = v;
                    current.Source = actor.Channel;
                    current.IsDemo = false;
                    current.UpdatedAtUtc = now;
                    current.ConcurrencyToken = Guid.NewGuid();
                }

                written++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return written;
    }

    private static Period PeriodOf(int month) => Period.OfMonth(month / 100, month % 100);

    private static DateOnly MonthEndDate(int month) => PeriodOf(month).End;

    /// <summary>What the stored states of one (unit, month) and the units under it add up to.</summary>
    private sealed class CellKpis
    {
        public long[] Counts { get; } = new long[Count];

        public long ProcessingSeconds { get; set; }

        /// <summary>(minute, dossiers) pairs, several per minute when they come from several units.</summary>
        public List<(long Minute, long Dossiers)> Minutes { get; } = [];

        /// <summary>Full-online procedures with an online dossier here.</summary>
        public HashSet<string> Procedures { get; } = new(StringComparer.Ordinal);

        /// <summary>The values in the order of <see cref="DossierMeasures.All"/>; null where a KPI is not defined.</summary>
        public double?[] Values(int? fullOnlineProcedures)
        {
            var resolved = Counts[2];
            var values = new double?[DossierMeasures.All.Count];
            for (var k = 0; k < Count; k++)
            {
                values[k] = Counts[k];
            }

            // As docs/dossier-kpis.md and KpiRow: seconds over resolved days; the median of whole minutes over 1,440.
            values[Count] = resolved == 0 ? null : ProcessingSeconds / (resolved * 86_400.0);
            values[Count + 1] = resolved == 0 ? null : MedianMinutes(resolved) / 1440.0;
            values[Count + 2] = fullOnlineProcedures;
            values[Count + 3] = fullOnlineProcedures is null ? null : Procedures.Count;
            return values;
        }

        // The middle minute, or the mean of the two middle minutes, of the dossiers' minutes in increasing order.
        private double MedianMinutes(long resolved)
        {
            Minutes.Sort((a, b) => a.Minute.CompareTo(b.Minute));
            var lowRank = (resolved + 1) / 2;
            var highRank = resolved / 2 + 1;
            long seen = 0;
            long? low = null;
            foreach (var (minute, dossiers) in Minutes)
            {
                seen += dossiers;
                if (low is null && seen >= lowRank)
                {
                    low = minute;
                }

                if (seen >= highRank)
                {
                    return (low!.Value + (double)minute) / 2;
                }
            }

            throw new InvalidOperationException("the minutes of a cell do not add up to its resolved dossiers");
        }
    }
}
