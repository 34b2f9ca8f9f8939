using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// "My work": the forms a person may fill — every (data set, open period, unit) where the unit is in one of
/// the person's Enter subtrees and must report the data set — with where each stands and its deadline.
/// The open periods of a data set are the running period of its type and the one before (Vietnam's date).
/// </summary>
public sealed class MyWork(OpenDtiDbContext db, DataSetCatalog catalog, UnitHierarchy hierarchy, TimeProvider time)
{
    /// <summary>The forms, by data set, newest period first, then unit name in Vietnamese order.</summary>
    public async Task<IReadOnlyList<WorkItem>> ListAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var roots = actor.RootsFor(Ability.Enter);
        if (roots.Count == 0)
        {
            return [];
        }

        var today = time.Today();
        var subtree = await hierarchy.SubtreesAsync(roots, cancellationToken);

        // A few thousand units at most: the subtree is filtered here rather than sent as a list of ids.
        var units = (await db.Units.AsNoTracking().ToListAsync(cancellationToken)).Where(u => subtree.Contains(u.Id)).ToList();
        var sets = await catalog.AllAsync(cancellationToken);
        var wanted = sets.SelectMany(s => PeriodSteps.OpenOn(s.DataSet.PeriodType, today).Select(p => (Set: s, Period: p))).ToList();
        var setIds = sets.Select(s => s.DataSet.Id).ToList();
        var periods = wanted.Select(w => w.Period).Distinct().ToList();
        var submissions = (await db.Submissions.AsNoTracking()
                .Where(s => setIds.Contains(s.DataSetId) && periods.Contains(s.Period))
                .ToListAsync(cancellationToken))
            .Where(s => subtree.Contains(s.UnitId))
            .ToDictionary(s => (s.DataSetId, s.UnitId, s.Period));

        var items = new List<WorkItem>();
        foreach (var (set, period) in wanted)
        {
            var deadline = set.DataSet.DeadlineOf(period);
            foreach (var unit in units.Where(u => set.IsReportedBy(u, period)))
            {
                var submission = submissions.GetValueOrDefault((set.DataSet.Id, unit.Id, period));
                items.Add(new WorkItem(
                    set.DataSet.Code, set.DataSet.Name, set.DataSet.NameEn, period, unit.Code.Value, unit.Name, unit.NameEn,
                    submission?.Status, submission?.ReviewComment, submission?.SubmittedAtUtc, deadline, deadline.DayNumber - today.DayNumber));
            }
        }

        return [.. items
            .OrderBy(i => i.DataSetCode, StringComparer.Ordinal)
            .ThenByDescending(i => i.Period)
            .ThenBy(i => i.UnitName, VietnameseText.Comparer)
            .ThenBy(i => i.UnitCode, StringComparer.Ordinal)];
    }
}

/// <summary>
/// One form on the "my work" list: <c>Status</c> is null when nothing has been saved yet; <c>DaysLeft</c>
/// counts from today (Vietnam) to the deadline, 0 on the day, negative when late.
/// </summary>
public sealed record WorkItem(
    string DataSetCode, string DataSetName, string? DataSetNameEn, Period Period, string UnitCode, string UnitName, string? UnitNameEn,
    SubmissionStatus? Status, string? ReviewComment, DateTime? SubmittedAtUtc, DateOnly Deadline, int DaysLeft)
{
    /// <summary>True while the unit can still act on it: not started, draft or returned.</summary>
    public bool IsOpen => Status is null or SubmissionStatus.Draft or SubmissionStatus.Returned;

    /// <summary>True when still open after the deadline.</summary>
    public bool IsLate => IsOpen && DaysLeft < 0;

    /// <summary>The form's address.</summary>
    public string Path => EntryPaths.Form(DataSetCode, Period, UnitCode);
}
