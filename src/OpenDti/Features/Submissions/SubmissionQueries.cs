using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Store;

namespace OpenDti.Features.Submissions;

/// <summary>What the lists and the submission page filter by; null means "any".</summary>
/// <param name="Ability">The right the caller needs on a unit for its submissions to be listed (Read, or Review for a review queue).</param>
/// <param name="DataSetId">One data set.</param>
/// <param name="Period">One period.</param>
/// <param name="Status">One status.</param>
/// <param name="WithinUnitId">A unit whose subtree the submissions' units must lie in (a province, a commune).</param>
public sealed record SubmissionFilter(Ability Ability, int? DataSetId = null, Period? Period = null, SubmissionStatus? Status = null, int? WithinUnitId = null);

/// <summary>
/// Reads submissions for the API and the review pages. The caller's scope is part of every query: a
/// submission of a unit the caller may not read is not found, whatever its id.
/// </summary>
public sealed class SubmissionQueries(OpenDtiDbContext db, DataSetCatalog catalog, UnitDirectory units, SubmissionWorkflow workflow)
{
    /// <summary>The most submissions one list returns.</summary>
    public const int MaxList = 5_000;

    /// <summary>The submissions in the caller's scope that match the filter, oldest submitted first.</summary>
    public async Task<SubmissionList> ListAsync(SignedIn actor, SubmissionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var directory = await units.AllAsync(cancellationToken);
        var allowed = (await units.WhereAllowedAsync(actor, filter.Ability, cancellationToken)).AsEnumerable();
        if (filter.WithinUnitId is { } root)
        {
            allowed = allowed.Where(id => UnitDirectory.Ancestry(directory, id).Contains(root));
        }

        var unitIds = allowed.ToHashSet();
        var query = db.Submissions.AsNoTracking();
        if (filter.DataSetId is { } dataSetId)
        {
            query = query.Where(s => s.DataSetId == dataSetId);
        }

        if (filter.Period is { } period)
        {
            query = query.Where(s => s.Period == period);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        // The scope is applied while reading, not as "unit in (…)": a national scope holds thousands of units, and
        // such a list costs SQLite about half a second per query (measured with 3,400 units), whereas the rows
        // read here are few and small.
        var found = new List<Submission>();
        await foreach (var submission in query.OrderBy(s => s.SubmittedAtUtc ?? s.UpdatedAtUtc).ThenBy(s => s.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (unitIds.Contains(submission.UnitId))
            {
                found.Add(submission);
                if (found.Count > MaxList)
                {
                    break;
                }
            }
        }

        var sets = (await catalog.AllAsync(cancellationToken)).ToDictionary(d => d.DataSet.Id, d => d.DataSet);
        return new SubmissionList(found.Count > MaxList, [.. found.Take(MaxList).Select(s => Summary(s, sets[s.DataSetId], directory))]);
    }

    /// <summary>The submission, or null when there is none or the caller may not read its unit.</summary>
    public async Task<SubmissionDetail?> GetAsync(long id, SignedIn actor, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return submission is null ? null : await DetailAsync(submission, actor, cancellationToken);
    }

    /// <summary>The submission of a unit (by code, the unit in force at the end of the period) for a data set and period, if the caller may read it.</summary>
    public async Task<SubmissionDetail?> FindAsync(DataSetView dataSet, Period period, string unitCode, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var unit = await units.FindAsync(unitCode, period.End, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var submission = await db.Submissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.DataSetId == dataSet.DataSet.Id && s.UnitId == unit.Id && s.Period == period, cancellationToken);
        return submission is null ? null : await DetailAsync(submission, actor, cancellationToken);
    }

    private async Task<SubmissionDetail?> DetailAsync(Submission submission, SignedIn actor, CancellationToken cancellationToken)
    {
        var directory = await units.AllAsync(cancellationToken);
        var ancestry = UnitDirectory.Ancestry(directory, submission.UnitId);
        if (!actor.Allows(Ability.Read, ancestry))
        {
            return null;
        }

        var dataSet = (await catalog.AllAsync(cancellationToken)).Single(d => d.DataSet.Id == submission.DataSetId);
        var measureIds = dataSet.Fields.Select(f => f.Measure.Id).ToList();
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.UnitId == submission.UnitId && v.Period == submission.Period && measureIds.Contains(v.MeasureId))
            .ToDictionaryAsync(v => v.MeasureId, cancellationToken);
        var events = await db.SubmissionEvents.AsNoTracking().Where(e => e.SubmissionId == submission.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => e.SubmissionId == submission.Id)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.FileName, e.ContentType, e.Length, e.Sha256, e.MeasureId, By = e.Actor.Name, e.UploadedAtUtc })
            .ToListAsync(cancellationToken);
        var changes = await workflow.ChangesSinceApprovalAsync(submission.Id, cancellationToken);
        var summary = Summary(submission, dataSet.DataSet, directory);
        var lastSubmitted = events.LastOrDefault(e => e.Action == SubmissionAction.Submitted);

        return new SubmissionDetail(
            summary.Id, summary.DataSet, summary.DataSetName, summary.DataSetNameEn, summary.Unit, summary.UnitName, summary.Province, summary.ProvinceName,
            summary.Period, summary.Status, summary.Version, summary.ApprovalCount, summary.ReviewComment, summary.SubmittedAtUtc, summary.UpdatedAtUtc,
            dataSet.DataSet.DeadlineOf(submission.Period),
            lastSubmitted?.Actor.Name,
            Actions(submission.Status, actor, ancestry),
            [.. dataSet.Fields.Select(f =>
            {
                var value = values.GetValueOrDefault(f.Measure.Id);
                return new SubmissionValue(
                    f.Measure.Code.Value, f.Measure.Name, f.Measure.NameEn, f.Measure.UnitOfMeasure, f.Setting.IsRequired,
                    value?.Value, value?.Comment, value?.Source, value?.ConcurrencyToken, value is null ? null : ReviewText.Utc(value.UpdatedAtUtc));
            })],
            [.. events.Select(Step)],
            [.. evidence.Select(e => new EvidenceItem(
                e.Id, e.FileName, e.ContentType, e.Length, e.Sha256,
                e.MeasureId is { } m ? dataSet.Field(m)?.Measure.Code.Value : null,
                e.By, ReviewText.Utc(e.UploadedAtUtc), EvidenceUrl(e.Id)))],
            changes);
    }

    /// <summary>Where an evidence file is downloaded (served by the data-entry feature, as an attachment).</summary>
    public static string EvidenceUrl(long id) => $"/data/evidence/{id}";

    /// <summary>The steps the actor's rights and the submission's state allow; the workflow checks them again when taken.</summary>
    private static List<string> Actions(SubmissionStatus status, SignedIn actor, IReadOnlyList<int> ancestry)
    {
        var actions = new List<string>();
        if (status is SubmissionStatus.Draft or SubmissionStatus.Returned && actor.Allows(Ability.Enter, ancestry))
        {
            actions.Add("submit");
        }

        if (actor.Allows(Ability.Review, ancestry))
        {
            if (status == SubmissionStatus.Submitted)
            {
                actions.AddRange(["approve", "return"]);
            }
            else if (status == SubmissionStatus.Approved)
            {
                actions.Add("reopen");
            }
        }

        return actions;
    }

    private static SubmissionStep Step(SubmissionEvent e) => new(
        e.Id, ReviewText.Name(e.Action), ReviewText.Name(e.StatusAfter), e.Actor.Name, e.Actor.Channel, e.Actor.ApiKeyId is not null, e.Actor.RemoteAddress,
        ReviewText.Utc(e.AtUtc), e.Comment);

    private static SubmissionSummary Summary(Submission s, DataSet dataSet, IReadOnlyDictionary<int, ReportingUnit> directory)
    {
        var unit = directory[s.UnitId];
        var province = UnitDirectory.ProvinceOf(directory, s.UnitId);
        return new SubmissionSummary(
            s.Id, dataSet.Code, dataSet.Name, dataSet.NameEn, unit.Code.Value, unit.Name, province?.Code.Value, province?.Name,
            s.Period.ToString(), ReviewText.Name(s.Status), s.ConcurrencyToken, s.ApprovalCount, s.ReviewComment,
            s.SubmittedAtUtc is { } submitted ? ReviewText.Utc(submitted) : null, ReviewText.Utc(s.UpdatedAtUtc));
    }
}
