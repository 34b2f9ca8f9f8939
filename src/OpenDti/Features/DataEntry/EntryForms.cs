using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// What the form of one (data set, period, unit) shows: the values now stored with their versions, the
/// previous period's values, the submission's state, its evidence, the rules the values break, and who
/// could unlock it. A form the person may not read is not found, like one that does not exist.
/// </summary>
public sealed class EntryForms(OpenDtiDbContext db, DataSetCatalog catalog, UnitHierarchy hierarchy, ValueWriter writer, EvidenceFiles evidence, TimeProvider time)
{
    /// <summary>The form's subject, or null when there is no such form for <paramref name="actor"/>.</summary>
    public async Task<EntryFormTarget?> FindAsync(string? dataSetCode, string? periodText, string? unitCode, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dataSet = dataSetCode is null ? null : await catalog.FindAsync(dataSetCode, cancellationToken);
        if (dataSet is null || !Period.TryParse(periodText, out var period) || period.Start > time.Today() || !UnitCode.IsValid(unitCode))
        {
            return null;
        }

        var code = new UnitCode(unitCode!);
        var units = await db.Units.AsNoTracking().Where(u => u.Code == code).ToListAsync(cancellationToken);
        var unit = units.FirstOrDefault(u => u.IsValidOn(period.End));
        if (unit is null || !dataSet.IsReportedBy(unit, period))
        {
            return null;
        }

        var ancestry = await hierarchy.AncestryAsync(unit.Id, cancellationToken);
        return actor.Allows(Ability.Read, ancestry)
            ? new EntryFormTarget(dataSet, unit, period, actor.Allows(Ability.Enter, ancestry), ancestry)
            : null;
    }

    /// <summary>Everything the form shows about <paramref name="target"/>, as stored now.</summary>
    public async Task<EntryFormState> LoadAsync(EntryFormTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var submission = await SubmissionAsync(target, cancellationToken);
        var ids = target.DataSet.Fields.Select(f => f.Measure.Id).ToList();
        var previous = target.Period.Previous();
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.UnitId == target.Unit.Id && (v.Period == target.Period || v.Period == previous) && ids.Contains(v.MeasureId))
            .ToListAsync(cancellationToken);
        var files = submission is null ? [] : await evidence.ListAsync(submission.Id, cancellationToken);
        var fields = target.DataSet.Fields.Select(f => new FieldState(
            f,
            values.FirstOrDefault(v => v.MeasureId == f.Measure.Id && v.Period == target.Period),
            values.FirstOrDefault(v => v.MeasureId == f.Measure.Id && v.Period == previous),
            files.Count(e => e.MeasureId == f.Measure.Id))).ToList();
        var deadline = target.DataSet.DataSet.DeadlineOf(target.Period);
        return new EntryFormState(
            submission,
            fields,
            previous,
            files,
            await writer.BreachesAsync(target.DataSet, target.Unit, target.Period, cancellationToken),
            deadline,
            deadline.DayNumber - time.Today().DayNumber,
            submission is { IsOpenForEntry: false } ? await UnlockersAsync(target, cancellationToken) : []);
    }

    /// <summary>The submission of <paramref name="target"/>, if one has been started.</summary>
    public Task<Submission?> SubmissionAsync(EntryFormTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return db.Submissions.AsNoTracking().SingleOrDefaultAsync(
            s => s.DataSetId == target.DataSet.DataSet.Id && s.UnitId == target.Unit.Id && s.Period == target.Period, cancellationToken);
    }

    /// <summary>The value of one measure as stored now, with who wrote it last — what a conflict message shows.</summary>
    public async Task<(DataValue? Value, string? By)> CurrentAsync(EntryFormTarget target, int measureId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var value = await db.DataValues.AsNoTracking()
            .SingleOrDefaultAsync(v => v.UnitId == target.Unit.Id && v.MeasureId == measureId && v.Period == target.Period, cancellationToken);
        var by = await db.ValueAudit.AsNoTracking()
            .Where(a => a.UnitId == target.Unit.Id && a.MeasureId == measureId && a.Period == target.Period)
            .OrderByDescending(a => a.Id)
            .Select(a => a.Actor.Name)
            .FirstOrDefaultAsync(cancellationToken);
        return (value, by);
    }

    /// <summary>The reviewers of the unit (held on it or above it): who can return or reopen its submission.</summary>
    private async Task<IReadOnlyList<string>> UnlockersAsync(EntryFormTarget target, CancellationToken cancellationToken)
    {
        var ancestry = target.Ancestry.ToList();
        var names = await (from r in db.RoleAssignments.AsNoTracking()
                           join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                           join unit in db.Units.AsNoTracking() on r.UnitId equals unit.Id
                           where r.Role == Role.Reviewer && ancestry.Contains(r.UnitId)
                           select new { Name = u.DisplayName ?? u.UserName, Unit = unit.Name })
            .ToListAsync(cancellationToken);
        return [.. names.Select(n => $"{n.Name} ({n.Unit})").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(10)];
    }
}

/// <summary>The subject of a form: which data set, unit and period, and whether the person may enter values.</summary>
public sealed record EntryFormTarget(DataSetView DataSet, ReportingUnit Unit, Period Period, bool CanEnter, IReadOnlyList<int> Ancestry)
{
    /// <summary>The form's address.</summary>
    public string Path => EntryPaths.Form(DataSet.DataSet.Code, Period, Unit.Code.Value);
}

/// <summary>A form as stored now; <c>Unlockers</c>, for a submitted or approved submission, are the reviewers who can return or reopen it.</summary>
public sealed record EntryFormState(
    Submission? Submission, IReadOnlyList<FieldState> Fields, Period PreviousPeriod, IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<RuleBreach> Breaches, DateOnly Deadline, int DaysLeft, IReadOnlyList<string> Unlockers)
{
    /// <summary>True when values may be changed: no submission yet, a draft, or a returned one.</summary>
    public bool IsOpenForEntry => Submission is null || Submission.IsOpenForEntry;
}

/// <summary>One field: its measure and checks, the value stored now and the previous period's.</summary>
public sealed record FieldState(DataSetField Field, DataValue? Current, DataValue? Previous, int EvidenceCount);
