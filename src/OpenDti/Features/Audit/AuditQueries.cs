using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.Submissions;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Audit;

/// <summary>What an audit trail is asked for: a unit, and optionally one measure and one period.</summary>
public sealed record AuditSubject(ReportingUnit Unit, Measure? Measure, Period? Period);

/// <summary>A request's subject, or the problems of its parameters (parameter → message), or "not found".</summary>
public sealed record AuditLookup(AuditSubject? Subject, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsNotFound => Subject is null && Errors.Count == 0;
}

/// <summary>
/// Reads the append-only audit trail — the value changes and the submission steps — for people with Read on
/// the unit. There is no write here, nor anywhere else in the product: the store refuses UPDATE and DELETE
/// on both tables.
/// </summary>
public sealed class AuditQueries(OpenDtiDbContext db, UnitDirectory units, TimeProvider time)
{
    /// <summary>Value changes on one page of the page and the API.</summary>
    public const int PageSize = 50;

    /// <summary>The most rows a download holds.</summary>
    public const int MaxExport = 100_000;

    /// <summary>The most submission steps shown at once.</summary>
    public const int MaxEvents = 1_000;

    /// <summary>
    /// Checks the parameters and the caller's right: a unit code is required (the unit in force at the end of
    /// <paramref name="period"/>, or today); measure and period are optional. A unit the caller may not read is
    /// not found.
    /// </summary>
    public async Task<AuditLookup> FindAsync(string? unit, string? measure, string? period, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Period? wanted = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.TryParse(period.Trim(), out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["period"] = [SubmissionsApi.ExpectedPeriod(period)];
            }
        }

        Measure? found = null;
        if (!string.IsNullOrWhiteSpace(measure))
        {
            var text = measure.Trim().ToUpperInvariant();
            if (MeasureCode.IsValid(text))
            {
                var code = new MeasureCode(text);
                found = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, cancellationToken);
            }

            if (found is null)
            {
                errors["measure"] = [$"Cần mã số liệu / expected the code of a measure; nhận được / found '{measure}'."];
            }
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            errors["unit"] = ["Cần mã đơn vị / expected a unit code; nhận được / found ''."];
        }

        if (errors.Count > 0)
        {
            return new AuditLookup(null, errors);
        }

        var reportingUnit = await units.FindAsync(unit, wanted?.End ?? time.Today(), cancellationToken);
        if (reportingUnit is null || !await units.AllowsAsync(actor, Ability.Read, reportingUnit.Id, cancellationToken))
        {
            return new AuditLookup(null, errors);
        }

        return new AuditLookup(new AuditSubject(reportingUnit, found, wanted), errors);
    }

    /// <summary>One page (1-based) of the value changes, newest first, and the submission steps.</summary>
    public async Task<AuditTrail> TrailAsync(AuditSubject subject, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        page = Math.Max(page, 1);
        var changes = Changes(subject);
        var total = await changes.CountAsync(cancellationToken);
        var rows = await ReadChangesAsync(changes.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        var events = await EventsAsync(subject, MaxEvents, cancellationToken);
        return new AuditTrail(
            subject.Unit.Code.Value, subject.Unit.Name, subject.Measure?.Code.Value, subject.Measure?.Name, subject.Period?.ToString(),
            page, pageSize, total, rows, events);
    }

    /// <summary>Everything, for a download: up to <see cref="MaxExport"/> value changes and every submission step.</summary>
    public async Task<(IReadOnlyList<ValueChangeEntry> Changes, IReadOnlyList<SubmissionEventEntry> Events)> AllAsync(AuditSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var rows = await ReadChangesAsync(Changes(subject).Take(MaxExport), cancellationToken);
        return (rows, await EventsAsync(subject, MaxExport, cancellationToken));
    }

    private IQueryable<ValueAudit> Changes(AuditSubject subject)
    {
        var query = db.ValueAudit.AsNoTracking().Where(a => a.UnitId == subject.Unit.Id);
        if (subject.Measure is { } measure)
        {
            query = query.Where(a => a.MeasureId == measure.Id);
        }

        if (subject.Period is { } period)
        {
            query = query.Where(a => a.Period == period);
        }

        // Ids increase in the order of changes: newest first.
        return query.OrderByDescending(a => a.Id);
    }

    private async Task<IReadOnlyList<ValueChangeEntry>> ReadChangesAsync(IQueryable<ValueAudit> changes, CancellationToken cancellationToken)
    {
        var rows = await changes
            .Join(db.Measures, a => a.MeasureId, m => m.Id, (a, m) => new { Audit = a, Measure = m })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Audit.Id).Select(r => new ValueChangeEntry(
            r.Audit.Id, ReviewText.Utc(r.Audit.AtUtc), r.Measure.Code.Value, r.Measure.Name, r.Measure.NameEn, r.Measure.UnitOfMeasure, r.Audit.Period.ToString(),
            r.Audit.OldValue, r.Audit.NewValue, r.Audit.OldComment, r.Audit.NewComment, r.Audit.Reason,
            r.Audit.Actor.Name, r.Audit.Actor.Channel, r.Audit.Actor.ApiKeyId is not null, r.Audit.Actor.RemoteAddress))];
    }

    private async Task<IReadOnlyList<SubmissionEventEntry>> EventsAsync(AuditSubject subject, int limit, CancellationToken cancellationToken)
    {
        var query = from e in db.SubmissionEvents.AsNoTracking()
                    join s in db.Submissions on e.SubmissionId equals s.Id
                    join d in db.DataSets on s.DataSetId equals d.Id
                    where s.UnitId == subject.Unit.Id
                    select new { Event = e, s.Period, DataSetId = d.Id, DataSet = d.Code };
        if (subject.Period is { } period)
        {
            query = query.Where(x => x.Period == period);
        }

        if (subject.Measure is { } measure)
        {
            // Only the submissions whose data set holds the measure.
            query = query.Where(x => db.DataSetMeasures.Any(m => m.DataSetId == x.DataSetId && m.MeasureId == measure.Id));
        }

        var rows = await query.OrderByDescending(x => x.Event.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new SubmissionEventEntry(
            x.Event.Id, x.Event.SubmissionId, x.DataSet, x.Period.ToString(), ReviewText.Utc(x.Event.AtUtc), ReviewText.Name(x.Event.Action), ReviewText.Name(x.Event.StatusAfter),
            x.Event.Actor.Name, x.Event.Actor.Channel, x.Event.Actor.ApiKeyId is not null, x.Event.Actor.RemoteAddress, x.Event.Comment))];
    }
}
