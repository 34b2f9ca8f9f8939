using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.Submissions;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// <c>/data/{dataSet}/{period}/{unit}</c>: the form of one unit's data set for one period. Save writes the
/// changed fields as a draft through <see cref="ValueWriter"/>, each conditional on the version the person
/// saw; Submit saves, then sends the submission for review through <see cref="SubmissionWorkflow"/>. A
/// refusal re-shows the form with the person's input kept and the reasons beside the fields. Evidence
/// files are attached and removed here too (<see cref="EvidenceFiles"/>).
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
public sealed class EntryFormModel(
    CurrentActor current, EntryForms forms, ValueWriter writer, SubmissionWorkflow workflow, EvidenceFiles evidence, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    /// <summary>
    /// The largest request read: a 10 MB file with room, so that a file somewhat over the limit gets our
    /// message rather than a cut connection; anything larger is refused by the server before it is read.
    /// </summary>
    public const int RequestLimit = 16 * 1024 * 1024;

    [BindProperty]
    public List<FieldInput> Fields { get; set; } = [];

    [BindProperty]
    public Guid? SubmissionVersion { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? UploadMeasure { get; set; }

    [BindProperty]
    public long? EvidenceId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public bool Saved { get; set; }

    public EntryFormTarget Target { get; private set; } = null!;

    public EntryFormState State { get; private set; } = null!;

    public SignedIn Actor { get; private set; } = null!;

    public IReadOnlyList<FieldRow> Rows { get; private set; } = [];

    /// <summary>Refusals and problems of this request, shown at the top of the form.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>What this request did, when it re-shows the form rather than redirecting.</summary>
    public List<string> Done { get; } = [];

    /// <summary>True when values were saved by this request (the script then forgets the unsaved input it kept).</summary>
    public bool SavedNow { get; private set; }

    public bool IsReadOnly => !Target.CanEnter || !State.IsOpenForEntry;

    public static CultureInfo Culture => CultureInfo.CurrentCulture;

    public async Task<IActionResult> OnGetAsync(string dataSet, string period, string unit, CancellationToken cancellationToken)
    {
        if (await OpenAsync(dataSet, period, unit, cancellationToken) is { } early)
        {
            return early;
        }

        if (Notice is not null)
        {
            Done.Add(Notice);
        }

        SavedNow = Saved;
        Rows = StoredRows();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string dataSet, string period, string unit, CancellationToken cancellationToken)
    {
        if (await OpenAsync(dataSet, period, unit, cancellationToken) is { } early)
        {
            return early;
        }

        var (refused, written) = await SaveAsync(cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return Back(written > 0 ? localizer.Format("entry.Saved {0} value(s) as a draft.", written) : localizer["entry.Nothing changed, nothing to save."].Value, saved: written > 0);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string dataSet, string period, string unit, CancellationToken cancellationToken)
    {
        if (await OpenAsync(dataSet, period, unit, cancellationToken) is { } early)
        {
            return early;
        }

        var (refused, written) = await SaveAsync(cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (written > 0)
        {
            SavedNow = true;
            Done.Add(localizer.Format("entry.Saved {0} value(s) as a draft.", written));
        }

        var submission = await forms.SubmissionAsync(Target, cancellationToken);
        if (submission is null)
        {
            return await ReshowAsync(StatusCodes.Status422UnprocessableEntity, localizer["entry.Nothing has been saved yet: enter the values, save, then submit."], cancellationToken);
        }

        var result = await workflow.SubmitAsync(submission.Id, Actor, ValueSources.Form, SubmissionVersion, cancellationToken);
        if (!result.Succeeded)
        {
            return await ReshowAsync(result.Refusal switch
            {
                WorkflowRefusal.NotFound => StatusCodes.Status404NotFound,
                WorkflowRefusal.Forbidden => StatusCodes.Status403Forbidden,
                WorkflowRefusal.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status422UnprocessableEntity,
            }, [localizer["entry.The submission was not sent:"], .. result.Problems], cancellationToken);
        }

        return Back(localizer["entry.Submitted for review. The values are locked until a reviewer returns or approves them."], saved: written > 0);
    }

    public async Task<IActionResult> OnPostUploadAsync(string dataSet, string period, string unit, CancellationToken cancellationToken)
    {
        if (await OpenAsync(dataSet, period, unit, cancellationToken) is { } early)
        {
            return early;
        }

        if (Upload is null)
        {
            return await ReshowAsync(StatusCodes.Status422UnprocessableEntity, localizer["entry.Choose a file to attach."], cancellationToken);
        }

        await using var content = Upload.OpenReadStream();
        var outcome = await evidence.AttachAsync(
            Target.DataSet, Target.Unit, Target.Period, Actor, new EvidenceUpload(Upload.FileName, Upload.Length, content, UploadMeasure), cancellationToken);
        return outcome.Succeeded
            ? Back(localizer.Format("entry.Attached {0}.", outcome.FileName!), saved: false)
            : await ReshowAsync(StatusOf(outcome.Refusal!.Value), EntryText.EvidenceMessage(localizer, outcome, Upload.FileName, Target.Unit.Name), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteEvidenceAsync(string dataSet, string period, string unit, CancellationToken cancellationToken)
    {
        if (await OpenAsync(dataSet, period, unit, cancellationToken) is { } early)
        {
            return early;
        }

        var outcome = await evidence.RemoveAsync(EvidenceId ?? 0, Target.DataSet, Target.Unit, Target.Period, Actor, cancellationToken);
        if (outcome.Refusal == EvidenceRefusal.NotFound)
        {
            return NotFound();
        }

        return outcome.Succeeded
            ? Back(localizer.Format("entry.Removed {0}.", outcome.FileName!), saved: false)
            : await ReshowAsync(StatusOf(outcome.Refusal!.Value), EntryText.EvidenceMessage(localizer, outcome, null, Target.Unit.Name), cancellationToken);
    }

    private async Task<IActionResult?> OpenAsync(string dataSet, string period, string unit, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return Challenge(IdentityConstants.ApplicationScheme);
        }

        Actor = actor;
        var target = await forms.FindAsync(dataSet, period, unit, actor, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        Target = target;
        State = await forms.LoadAsync(target, cancellationToken);
        return null;
    }

    /// <summary>Writes the fields the person changed; returns the page to re-show when anything was refused, or how many values were written.</summary>
    private async Task<(IActionResult? Refused, int Written)> SaveAsync(CancellationToken cancellationToken)
    {
        var rows = PostedRows();
        var inputs = new List<ValueInput>();
        foreach (var row in rows)
        {
            var comment = string.IsNullOrWhiteSpace(row.Comment) ? null : VietnameseText.Normalize(row.Comment);
            var originalComment = string.IsNullOrWhiteSpace(row.OriginalComment) ? null : row.OriginalComment.Trim();
            if (row.Text.Trim() == row.Original.Trim() && string.Equals(comment, originalComment, StringComparison.Ordinal))
            {
                continue;
            }

            var reading = NumberInput.Read(row.Text, Culture);
            if (!reading.IsValid)
            {
                row.Errors.Add(EntryText.NumberMessage(localizer, row.Text, reading.Problem));
                continue;
            }

            if (reading.Value is null && comment is not null)
            {
                row.Errors.Add(localizer["entry.A comment needs a value: enter the value, or clear the comment."]);
                continue;
            }

            var code = row.State.Field.Measure.Code.Value;
            inputs.Add(new ValueInput(Target.Unit.Code.Value, code, Target.Period.ToString(), reading.Value, comment, row.Version, new ProblemPlace(Field: code)));
        }

        Rows = rows;
        if (rows.Any(r => r.Errors.Count > 0))
        {
            Errors.Add(localizer["entry.Nothing was saved: correct the fields marked below."]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return (Page(), 0);
        }

        if (inputs.Count == 0)
        {
            return (null, 0);
        }

        var result = await writer.WriteAsync(inputs, Actor, ValueSources.Form, Target.DataSet.DataSet.Code, reason: null, cancellationToken);
        if (result.Succeeded)
        {
            return (null, result.Written);
        }

        foreach (var problem in result.Problems)
        {
            var row = rows.FirstOrDefault(r => r.State.Field.Measure.Code.Value == problem.Problem.Place.Field);
            var message = await ProblemMessageAsync(problem, row, cancellationToken);
            if (row is null || problem.Refusal is Refusal.Locked or Refusal.Forbidden)
            {
                if (!Errors.Contains(message))
                {
                    Errors.Add(message);
                }
            }
            else
            {
                row.Errors.Add(message);
            }
        }

        Errors.Insert(0, localizer["entry.Nothing was saved: correct the fields marked below."]);
        Response.StatusCode = result.Worst switch
        {
            Refusal.Forbidden => StatusCodes.Status403Forbidden,
            Refusal.Locked or Refusal.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return (Page(), 0);
    }

    private async Task<string> ProblemMessageAsync(ValueProblem problem, FieldRow? row, CancellationToken cancellationToken)
    {
        switch (problem.Refusal)
        {
            case Refusal.Forbidden:
                return localizer.Format("entry.You may not enter data for {0}.", Target.Unit.Name);
            case Refusal.Locked:
                return localizer["entry.The submission has been sent for review or approved meanwhile; it is locked. Reload the page."];
            case Refusal.Conflict when row is not null:
                var (value, by) = await forms.CurrentAsync(Target, row.State.Field.Measure.Id, cancellationToken);
                var yours = NumberInput.Read(row.Text, Culture).Value is { } v ? NumberInput.ForDisplay(v, Culture) : localizer["entry.(empty)"];
                row.Version = value?.ConcurrencyToken ?? Guid.Empty;
                row.Original = value is null ? string.Empty : NumberInput.ForInput(value.Value, Culture);
                row.OriginalComment = value?.Comment;
                row.Newer = value;
                return value is null
                    ? localizer.Format("entry.{0} removed this value meanwhile; your value was {1}. Save again to keep yours.", by ?? localizer["entry.Someone else"], yours)
                    : localizer.Format("entry.{0} saved {1} at {2}; your value was {3}. Save again to keep yours, or take theirs.", by ?? localizer["entry.Someone else"], NumberInput.ForDisplay(value.Value, Culture), EntryText.VietnamTime(value.UpdatedAtUtc), yours);
            case Refusal.Conflict:
                return localizer["entry.Someone else saved some of these values at the same moment; nothing was saved. Save again."];
        }

        return problem.Problem.Code switch
        {
            "value.not-whole" => localizer["entry.A whole number is expected."],
            "value.out-of-range" when row is not null => localizer.Format("entry.Expected {0}.", EntryText.Bounds(localizer, row.State.Field.Setting)),
            "comment.too-long" => localizer.Format("entry.A comment has at most {0} characters.", Store.Model.ValueLimits.CommentLength),
            _ => localizer.Format("entry.Refused: expected {0}; found {1}.", problem.Problem.Expected, problem.Problem.Found ?? string.Empty),
        };
    }

    /// <summary>The form's fields as stored now.</summary>
    private List<FieldRow> StoredRows() => [.. State.Fields.Select(f =>
    {
        var text = f.Current is { } v ? NumberInput.ForInput(v.Value, Culture) : string.Empty;
        return new FieldRow(f)
        {
            Text = text,
            Comment = f.Current?.Comment,
            Version = f.Current?.ConcurrencyToken ?? Guid.Empty,
            Original = text,
            OriginalComment = f.Current?.Comment,
        };
    })];

    /// <summary>The form's fields as posted; a field missing from the post counts as untouched.</summary>
    private List<FieldRow> PostedRows()
    {
        var stored = StoredRows();
        foreach (var row in stored)
        {
            var posted = Fields.FirstOrDefault(f => string.Equals(f.Measure, row.State.Field.Measure.Code.Value, StringComparison.Ordinal));
            if (posted is null)
            {
                continue;
            }

            row.Text = posted.Value ?? string.Empty;
            row.Comment = posted.Comment;
            row.Version = posted.Version ?? Guid.Empty;
            row.Original = posted.Original ?? string.Empty;
            row.OriginalComment = posted.OriginalComment;
        }

        return stored;
    }

    /// <summary>Re-shows the form as stored now (after an evidence or submit refusal) with <paramref name="errors"/>.</summary>
    private async Task<IActionResult> ReshowAsync(int status, IEnumerable<string> errors, CancellationToken cancellationToken)
    {
        State = await forms.LoadAsync(Target, cancellationToken);
        Rows = StoredRows();
        Errors.AddRange(errors);
        Response.StatusCode = status;
        return Page();
    }

    private Task<IActionResult> ReshowAsync(int status, string error, CancellationToken cancellationToken) => ReshowAsync(status, [error], cancellationToken);

    private RedirectResult Back(string notice, bool saved)
    {
        Notice = notice;
        Saved = saved;
        return Redirect(Target.Path);
    }

    private static int StatusOf(EvidenceRefusal refusal) => refusal switch
    {
        EvidenceRefusal.NotFound => StatusCodes.Status404NotFound,
        EvidenceRefusal.Forbidden => StatusCodes.Status403Forbidden,
        EvidenceRefusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
        EvidenceRefusal.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        EvidenceRefusal.UnknownMeasure => StatusCodes.Status422UnprocessableEntity,
        EvidenceRefusal.StorageFull => StatusCodes.Status507InsufficientStorage,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>One field as posted.</summary>
    public sealed class FieldInput
    {
        public string? Measure { get; set; }

        public string? Value { get; set; }

        public string? Comment { get; set; }

        public Guid? Version { get; set; }

        public string? Original { get; set; }

        public string? OriginalComment { get; set; }
    }
}
