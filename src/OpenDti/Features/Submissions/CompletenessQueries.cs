using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Submissions;

/// <summary>
/// For a data set and period: every unit that must report it and that the caller may read, where its
/// submission stands, and whether it is late (past the deadline, Vietnam time, and neither submitted nor
/// approved); counted overall and per province, sorted the Vietnamese way.
/// </summary>
public sealed class CompletenessQueries(OpenDtiDbContext db, UnitDirectory units, TimeProvider time)
{
    /// <summary>The report for <paramref name="period"/> of <paramref name="dataSet"/>, limited to what <paramref name="actor"/> may read.</summary>
    public async Task<CompletenessReport> GetAsync(DataSetView dataSet, Period period, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var directory = await units.AllAsync(cancellationToken);
        var readable = await units.WhereAllowedAsync(actor, Ability.Read, cancellationToken);
        var reporting = directory.Values.Where(u => readable.Contains(u.Id) && dataSet.IsReportedBy(u, period)).ToList();
        // One data set and period: at most one row per reporting unit, filtered here rather than with a long "unit in (…)".
        var ids = reporting.Select(u => u.Id).ToHashSet();
        var submissions = (await db.Submissions.AsNoTracking()
                .Where(s => s.DataSetId == dataSet.DataSet.Id && s.Period == period)
                .ToListAsync(cancellationToken))
            .Where(s => ids.Contains(s.UnitId))
            .ToDictionary(s => s.UnitId);

        var today = time.Today();
        var deadline = dataSet.DataSet.DeadlineOf(period);
        var rows = reporting
            .Select(u =>
            {
                // A province reports for itself; anything under a province is grouped by it.
                var province = u.Level == UnitLevel.Province ? null : UnitDirectory.ProvinceOf(directory, u.Id);
                var submission = submissions.GetValueOrDefault(u.Id);
                var status = submission is null ? ReviewText.NotStarted : ReviewText.Name(submission.Status);
                var isLate = today > deadline && submission?.Status is not (SubmissionStatus.Submitted or SubmissionStatus.Approved);
                return new CompletenessRow(
                    u.Code.Value, u.Name, u.Level.ToString().ToLowerInvariant(), province?.Code.Value, province?.Name, status, isLate, submission?.Id,
                    submission?.SubmittedAtUtc is { } submitted ? ReviewText.Utc(submitted) : null,
                    submission is null ? null : ReviewText.Utc(submission.UpdatedAtUtc));
            })
            .OrderBy(r => r.ProvinceName ?? string.Empty, VietnameseText.Comparer)
            .ThenBy(r => r.Province ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(r => r.UnitName, VietnameseText.Comparer)
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToList();
        var provinces = rows.Where(r => r.Province is not null)
            .GroupBy(r => (r.Province, r.ProvinceName))
            .Select(g => new CompletenessGroup(g.Key.Province!, g.Key.ProvinceName!, Count(g)))
            .ToList();

        return new CompletenessReport(
            dataSet.DataSet.Code, dataSet.DataSet.Name, dataSet.DataSet.NameEn, period.ToString(),
            deadline, dataSet.DataSet.Deadlines.All(d => d.Period != period), today, deadline.DayNumber - today.DayNumber,
            Count(rows), provinces, rows);
    }

    /// <summary>The latest period of the data set's type that has ended by today (Vietnam time).</summary>
    public Period LatestEnded(DataSetView dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var today = time.Today();
        var last = today.AddDays(-1);
        var period = dataSet.DataSet.PeriodType switch
        {
            PeriodType.Quarter => Period.OfQuarter(last.Year, ((last.Month - 1) / 3) + 1),
            PeriodType.Month => Period.OfMonth(last.Year, last.Month),
            _ => Period.OfYear(last.Year),
        };
        return period.End < today ? period : Previous(period);
    }

    /// <summary>The period before <paramref name="period"/>, of the same type.</summary>
    public static Period Previous(Period period) => period.Type switch
    {
        PeriodType.Quarter => period.Index == 1 ? Period.OfQuarter(period.Year - 1, 4) : Period.OfQuarter(period.Year, period.Index - 1),
        PeriodType.Month => period.Index == 1 ? Period.OfMonth(period.Year - 1, 12) : Period.OfMonth(period.Year, period.Index - 1),
        _ => Period.OfYear(period.Year - 1),
    };

    /// <summary>The period after <paramref name="period"/>, of the same type.</summary>
    public static Period Next(Period period) => period.Type switch
    {
        PeriodType.Quarter => period.Index == 4 ? Period.OfQuarter(period.Year + 1, 1) : Period.OfQuarter(period.Year, period.Index + 1),
        PeriodType.Month => period.Index == 12 ? Period.OfMonth(period.Year + 1, 1) : Period.OfMonth(period.Year, period.Index + 1),
        _ => Period.OfYear(period.Year + 1),
    };

    private static CompletenessCounts Count(IEnumerable<CompletenessRow> rows)
    {
        var list = rows.ToList();
        int Of(string status) => list.Count(r => r.Status == status);
        return new CompletenessCounts(
            list.Count, Of(ReviewText.NotStarted), Of("draft"), Of("submitted"), Of("returned"), Of("approved"), list.Count(r => r.IsLate));
    }
}

/// <summary>
/// Who has reported a data set for a period: the deadline (and whether it is the default one), today and the
/// days left (negative once past), counts overall and per province, and one row per unit.
/// </summary>
public sealed record CompletenessReport(
    string DataSet,
    string DataSetName,
    string? DataSetNameEn,
    string Period,
    DateOnly Deadline,
    bool DeadlineIsDefault,
    DateOnly Today,
    int DaysLeft,
    CompletenessCounts Counts,
    IReadOnlyList<CompletenessGroup> Provinces,
    IReadOnlyList<CompletenessRow> Units);

/// <summary>How many units must report, and how many are in each state; <c>Late</c> overlaps the others.</summary>
public sealed record CompletenessCounts(int Units, int NotStarted, int Draft, int Submitted, int Returned, int Approved, int Late);

/// <summary>The counts of the units of one province.</summary>
public sealed record CompletenessGroup(string Province, string ProvinceName, CompletenessCounts Counts);

/// <summary>One unit: its status (not-started, draft, submitted, returned, approved), whether it is late, and its submission.</summary>
public sealed record CompletenessRow(
    string Unit, string UnitName, string Level, string? Province, string? ProvinceName, string Status, bool IsLate, long? Submission, DateTime? SubmittedAtUtc, DateTime? UpdatedAtUtc);
