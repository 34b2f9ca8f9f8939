using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// Recomputes the KPI counts of the (unit, month) cells a file touched from the stored dossier states, rolls
/// them up the unit hierarchy, and writes them as monthly measure values with source "ingestion", each
/// change with its audit entry — the same rows and audit the <see cref="DataEntry.ValueWriter"/> writes, but
/// inside the ingestion's transaction and set-wise: one read of the stored values, one insert per change.
/// </summary>
internal sealed class DossierKpiValues(OpenDtiDbContext db)
{
    public async Task<int> WriteAsync(
        IReadOnlySet<(string Unit, int Month)> cells, DossierUnits units, Actor actor, DateTime now, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (cells.Count == 0)
        {
            return 0;
        }

        // The cells to write: each touched unit and every unit above it, except the nation (a file covers a
        // province or a few: a national total would look complete when it is not).
        var targets = new HashSet<(int UnitId, int Month)>();
        foreach (var (code, month) in cells)
        {
            if (units.Resolve(code, MonthEndDate(month)) is not { } unit)
            {
                continue;
            }

            foreach (var id in units.Ancestry(unit.Id).Where(id => units.Level(id) != UnitLevel.Nation))
            {
                targets.Add((id, month));
            }
        }

        var months = targets.Select(t => t.Month).Distinct().ToList();
        var sums = new Dictionary<(int UnitId, int Month), long[]>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            command.CommandText = $"""
                SELECT unit_code, month, COUNT(*),
                    SUM(CASE WHEN channel = 0 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN finished_at IS NOT NULL THEN 1 ELSE 0 END),
                    SUM(CASE WHEN finished_at IS NOT NULL AND finished_at <= due_at THEN 1 ELSE 0 END),
                    SUM(CASE WHEN finished_at IS NULL AND due_at < month_end THEN 1 ELSE 0 END)
                FROM dossier_states WHERE month IN ({string.Join(',', months)})
                GROUP BY unit_code, month
                """;
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
                    if (!targets.Contains((id, month)))
                    {
                        continue;
                    }

                    if (!sums.TryGetValue((id, month), out var counts))
                    {
                        sums[(id, month)] = counts = new long[DossierMeasures.All.Count];
                    }

                    for (var k = 0; k < counts.Length; k++)
                    {
                        counts[k] += reader.GetInt64(2 + k);
                    }
                }
            }
        }

        return await WriteValuesAsync(targets, sums, actor, now, cancellationToken);
    }

    private async Task<int> WriteValuesAsync(
        HashSet<(int UnitId, int Month)> targets, Dictionary<(int UnitId, int Month), long[]> sums, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var codes = DossierMeasures.All.Select(c => new MeasureCode(c)).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code.Value, m => m.Id, StringComparer.Ordinal, cancellationToken);
        var measureIds = DossierMeasures.All.Select(c => measures[c]).ToArray();
        var unitIds = targets.Select(t => t.UnitId).Distinct().ToList();
        var periods = targets.Select(t => PeriodOf(t.Month)).Distinct().ToList();
        var existing = await db.DataValues
            .Where(v => unitIds.Contains(v.UnitId) && measureIds.Contains(v.MeasureId) && periods.Contains(v.Period))
            .ToDictionaryAsync(v => (v.UnitId, v.MeasureId, v.Period), cancellationToken);

        var written = 0;
        foreach (var (unitId, month) in targets)
        {
            var counts = sums.GetValueOrDefault((unitId, month)) ?? new long[measureIds.Length];
            var period = PeriodOf(month);
            for (var k = 0; k < measureIds.Length; k++)
            {
                double value = counts[k];
                var current = existing.GetValueOrDefault((unitId, measureIds[k], period));
                if (current is not null && current.Value == value && current.Source == actor.Channel && !current.IsDemo)
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
                    NewComment = current?.Comment,
                    Actor = actor,
                    Reason = "dossiers ingest",
                    AtUtc = now,
                });
                if (current is null)
                {
                    db.DataValues.Add(new DataValue
                    {
                        UnitId = unitId,
                        MeasureId = measureIds[k],
                        Period = period,
                        Value = value,
                        Source = actor.Channel,
                        UpdatedAtUtc = now,
                        ConcurrencyToken = Guid.NewGuid(),
                    });
                }
                else
                {
                    current.Value = value;
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
}
