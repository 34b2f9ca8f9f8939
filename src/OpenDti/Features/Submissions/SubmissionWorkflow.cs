using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Store;
using OpenDti.Store.Model;

namespace OpenDti.Features.Submissions;

/// <summary>
/// A submission's life: draft → submitted → approved (locked), or returned with a reason and submitted
/// again; an approved submission is reopened only by a reviewer, with a reason. Every step checks the
/// actor's right on the unit, the state it starts from and the version the actor saw, and is kept in the
/// append-only history, with the channel it came through (<see cref="ValueSources.Form"/> from the pages,
/// <see cref="ValueSources.Api"/> from the API).
/// </summary>
public sealed class SubmissionWorkflow(OpenDtiDbContext db, DataSetCatalog catalog, UnitHierarchy hierarchy, ValueWriter values, TimeProvider time)
{
    /// <summary>Sends a draft or returned submission for review, if every required value is there and no rule is broken.</summary>
    public Task<WorkflowResult> SubmitAsync(long id, SignedIn actor, string channel, Guid? version, CancellationToken cancellationToken) =>
        StepAsync(id, actor, channel, version, Ability.Enter, SubmissionAction.Submitted, comment: null, cancellationToken);

    /// <summary>Sends a submitted submission back for correction; the reason is required and shown to the reporter.</summary>
    public Task<WorkflowResult> ReturnAsync(long id, SignedIn actor, string channel, string? reason, Guid? version, CancellationToken cancellationToken) =>
        StepAsync(id, actor, channel, version, Ability.Review, SubmissionAction.Returned, reason, cancellationToken);

    /// <summary>Approves and locks a submitted submission, keeping the values approved.</summary>
    public Task<WorkflowResult> ApproveAsync(long id, SignedIn actor, string channel, Guid? version, CancellationToken cancellationToken) =>
        StepAsync(id, actor, channel, version, Ability.Review, SubmissionAction.Approved, comment: null, cancellationToken);

    /// <summary>Opens an approved submission again for correction; the reason is required.</summary>
    public Task<WorkflowResult> ReopenAsync(long id, SignedIn actor, string channel, string? reason, Guid? version, CancellationToken cancellationToken) =>
        StepAsync(id, actor, channel, version, Ability.Review, SubmissionAction.Reopened, reason, cancellationToken);

    /// <summary>
    /// Value by value, what the submission holds now against what was last approved (everything, when it
    /// was never approved) — what a reviewer looks at before approving.
    /// </summary>
    public async Task<IReadOnlyList<ValueChange>> ChangesSinceApprovalAsync(long id, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        var dataSet = (await catalog.AllAsync(cancellationToken)).Single(d => d.DataSet.Id == submission.DataSetId);
        var approved = await db.ApprovedValues.AsNoTracking()
            .Where(v => v.SubmissionId == id && v.ApprovalNumber == submission.ApprovalCount)
            .ToDictionaryAsync(v => v.MeasureId, v => v.Value, cancellationToken);
        var current = await CurrentValuesAsync(submission, dataSet, cancellationToken);
        return [.. dataSet.Fields.Select(f =>
        {
            var before = approved.GetValueOrDefault(f.Measure.Id);

            // A measure without a value has none (null), not 0: it is neither shown as 0 nor as changed.
            double? now = current.TryGetValue(f.Measure.Id, out var value) ? value : null;
            return new ValueChange(f.Measure.Code.Value, f.Measure.Name, f.Measure.NameEn, f.Measure.UnitOfMeasure, submission.ApprovalCount > 0, before, now, submission.ApprovalCount == 0 || before != now);
        })];
    }

    private async Task<WorkflowResult> StepAsync(
        long id, SignedIn actor, string channel, Guid? version, Ability ability, SubmissionAction action, string? comment, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return WorkflowResult.Refused(WorkflowRefusal.NotFound, $"Không có bản nộp số {id} / no submission {id}.");
        }

        if (!actor.Allows(ability, await hierarchy.AncestryAsync(submission.UnitId, cancellationToken)))
        {
            return WorkflowResult.Refused(WorkflowRefusal.Forbidden, ability == Ability.Review
                ? "Bạn không có quyền duyệt số liệu của đơn vị này / you may not review this unit's data."
                : "Bạn không có quyền nộp số liệu của đơn vị này / you may not submit this unit's data.");
        }

        if (version is { } seen && seen != submission.ConcurrencyToken)
        {
            return WorkflowResult.Refused(WorkflowRefusal.Conflict, $"Bản nộp vừa được người khác thay đổi (hiện: {StatusText(submission.Status)}); hãy tải lại trang / the submission changed meanwhile; reload the page.");
        }

        var (from, to) = action switch
        {
            SubmissionAction.Submitted => (new[] { SubmissionStatus.Draft, SubmissionStatus.Returned }, SubmissionStatus.Submitted),
            SubmissionAction.Returned => ([SubmissionStatus.Submitted], SubmissionStatus.Returned),
            SubmissionAction.Approved => ([SubmissionStatus.Submitted], SubmissionStatus.Approved),
            _ => ([SubmissionStatus.Approved], SubmissionStatus.Returned),
        };
        if (!from.Contains(submission.Status))
        {
            return WorkflowResult.Refused(WorkflowRefusal.Conflict, $"Bản nộp đang ở trạng thái {StatusText(submission.Status)}, không thể {ActionText(action)} / the submission is {submission.Status.ToString().ToLowerInvariant()}; it cannot be {action.ToString().ToLowerInvariant()}.");
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : VietnameseText.Normalize(comment.Trim());
        if (action is SubmissionAction.Returned or SubmissionAction.Reopened && comment is null)
        {
            return WorkflowResult.Refused(WorkflowRefusal.Invalid, "Cần nêu lý do / a reason is required, so that the reporter knows what to correct.");
        }

        if (comment is { Length: > ValueLimits.CommentLength })
        {
            return WorkflowResult.Refused(WorkflowRefusal.Invalid, $"Lý do tối đa {ValueLimits.CommentLength} ký tự / the reason has at most {ValueLimits.CommentLength} characters.");
        }

        var dataSet = (await catalog.AllAsync(cancellationToken)).Single(d => d.DataSet.Id == submission.DataSetId);
        var current = await CurrentValuesAsync(submission, dataSet, cancellationToken);
        if (action == SubmissionAction.Submitted)
        {
            var problems = dataSet.Fields.Where(f => f.Setting.IsRequired && !current.ContainsKey(f.Measure.Id))
                .Select(f => $"Thiếu số liệu bắt buộc / a required value is missing: {f.Measure.Code} — {f.Measure.Name}")
                .ToList();
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == submission.UnitId, cancellationToken);
            problems.AddRange((await values.BreachesAsync(dataSet, unit, submission.Period, cancellationToken))
                .Select(b => $"{b.Message} / {b.MessageEn} ({b.Rule})"));
            if (problems.Count > 0)
            {
                return WorkflowResult.Refused(WorkflowRefusal.Invalid, problems);
            }
        }

        if (action is SubmissionAction.Approved or SubmissionAction.Returned && await LastSubmitterAsync(id, cancellationToken) == actor.User.Id)
        {
            return WorkflowResult.Refused(WorkflowRefusal.Forbidden, "Người nộp không tự duyệt bản nộp của mình; cần một người duyệt khác / whoever submitted cannot review their own submission.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var read = submission.ConcurrencyToken;
        submission.Status = to;
        submission.UpdatedAtUtc = now;
        submission.ConcurrencyToken = Guid.NewGuid();
        if (action == SubmissionAction.Submitted)
        {
            submission.SubmittedAtUtc = now;
        }

        if (comment is not null)
        {
            submission.ReviewComment = comment;
        }

        if (action == SubmissionAction.Approved)
        {
            submission.ApprovalCount++;
            db.ApprovedValues.AddRange(dataSet.Fields.Select(f => new ApprovedValue
            {
                SubmissionId = id,
                ApprovalNumber = submission.ApprovalCount,
                MeasureId = f.Measure.Id,
                Value = current.TryGetValue(f.Measure.Id, out var v) ? v : null,
            }));
        }

        db.SubmissionEvents.Add(new SubmissionEvent
        {
            SubmissionId = id,
            Action = action,
            StatusAfter = to,
            Actor = actor.AsActor(channel),
            AtUtc = now,
            Comment = comment,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Two reviewers at the same moment: the second's update finds the version changed, or — when the
            // store inserts its snapshot of approved values first — collides with the first one's snapshot on
            // the unique index. Either way someone else acted; any other failure is not a race and goes on up.
            db.ChangeTracker.Clear();
            var stored = await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => s.ConcurrencyToken).SingleAsync(cancellationToken);
            if (exception is not DbUpdateConcurrencyException && stored == read)
            {
                throw;
            }

            return WorkflowResult.Refused(WorkflowRefusal.Conflict, "Bản nộp vừa được người khác xử lý; hãy tải lại trang / someone acted on the submission at the same moment; reload the page.");
        }

        return new WorkflowResult(to, submission.ConcurrencyToken, null, []);
    }

    private async Task<int?> LastSubmitterAsync(long id, CancellationToken cancellationToken) =>
        await db.SubmissionEvents.AsNoTracking()
            .Where(e => e.SubmissionId == id && e.Action == SubmissionAction.Submitted)
            .OrderByDescending(e => e.Id)
            .Select(e => e.Actor.UserId)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<Dictionary<int, double>> CurrentValuesAsync(Submission submission, DataSetView dataSet, CancellationToken cancellationToken)
    {
        var ids = dataSet.Fields.Select(f => f.Measure.Id).ToList();
        return await db.DataValues.AsNoTracking()
            .Where(v => v.UnitId == submission.UnitId && v.Period == submission.Period && ids.Contains(v.MeasureId))
            .ToDictionaryAsync(v => v.MeasureId, v => v.Value, cancellationToken);
    }

    /// <summary>The status in Vietnamese.</summary>
    public static string StatusText(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "đang nhập",
        SubmissionStatus.Submitted => "đã nộp, chờ duyệt",
        SubmissionStatus.Returned => "bị trả lại",
        _ => "đã duyệt (khoá)",
    };

    private static string ActionText(SubmissionAction action) => action switch
    {
        SubmissionAction.Submitted => "nộp",
        SubmissionAction.Returned => "trả lại",
        SubmissionAction.Approved => "duyệt",
        _ => "mở lại",
    };
}

/// <summary>Why a workflow step was refused.</summary>
public enum WorkflowRefusal
{
    /// <summary>No such submission: 404.</summary>
    NotFound,

    /// <summary>Not allowed on this unit, or reviewing one's own submission: 403.</summary>
    Forbidden,

    /// <summary>The submission is not in a state the step starts from, or changed meanwhile: 409.</summary>
    Conflict,

    /// <summary>A reason is missing, a required value is missing, a rule is broken: 422.</summary>
    Invalid,
}

/// <summary>A step's outcome: the new status and version, or the refusal and its messages.</summary>
public sealed record WorkflowResult(SubmissionStatus? Status, Guid? Version, WorkflowRefusal? Refusal, IReadOnlyList<string> Problems)
{
    /// <summary>True when the step was taken.</summary>
    public bool Succeeded => Refusal is null;

    internal static WorkflowResult Refused(WorkflowRefusal refusal, string problem) => new(null, null, refusal, [problem]);

    internal static WorkflowResult Refused(WorkflowRefusal refusal, IReadOnlyList<string> problems) => new(null, null, refusal, problems);
}

/// <summary>One value of a submission against its last approved version.</summary>
public sealed record ValueChange(string Measure, string Name, string? NameEn, string UnitOfMeasure, bool WasApproved, double? Approved, double? Current, bool Changed);

/// <summary>Registers the submission services.</summary>
internal static class SubmissionsRegistration
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services) =>
        services.AddScoped<SubmissionWorkflow>().AddScoped<UnitDirectory>().AddScoped<SubmissionQueries>().AddScoped<CompletenessQueries>().AddScoped<DataSetDeadlines>();
}
