using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Submissions;

/// <summary>
/// <c>/data/review/{id}</c>: one submission — unit, period, status, history, evidence, and value by value
/// what changed since the last approved version — with the reviewer's forms: approve, return (reason
/// required) and reopen (reason required). Every form carries the version the reviewer saw, so that when
/// two reviewers act at once the second is told that someone acted meanwhile instead of acting on a state
/// they did not see.
/// </summary>
[Authorize]
public sealed class SubmissionModel(CurrentActor current, SubmissionQueries queries, SubmissionWorkflow workflow, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The version of the submission the reviewer saw (a hidden field of every form).</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public SubmissionDetail Detail { get; private set; } = null!;

    /// <summary>What the last step did (after a redirect), or why a step was refused.</summary>
    public string? Message { get; private set; }

    public bool IsRefusal { get; private set; }

    /// <summary>The form that was refused (its reason field shows the error).</summary>
    public string? RefusedForm { get; private set; }

    /// <summary>True when the signed-in person submitted it last (they may not approve or return it).</summary>
    public bool SubmittedByYou { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, actor, cancellationToken))
        {
            return NotFound();
        }

        Message = done switch
        {
            "approved" => localizer["The submission is approved and its values are locked."].Value,
            "returned" => localizer["The submission was returned to the reporter with your reason."].Value,
            "reopened" => localizer["The submission was reopened: the reporter can change its values again."].Value,
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, "approve", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, "return", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(long id, CancellationToken cancellationToken) =>
        StepAsync(id, "reopen", cancellationToken);

    private async Task<IActionResult> StepAsync(long id, string step, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        if (await queries.GetAsync(id, actor, cancellationToken) is null)
        {
            return NotFound();
        }

        // A form without a version is treated as one from a state nobody has: refused as a conflict.
        var seen = Version ?? Guid.Empty;
        var result = step switch
        {
            "approve" => await workflow.ApproveAsync(id, actor, ValueSources.Form, seen, cancellationToken),
            "return" => await workflow.ReturnAsync(id, actor, ValueSources.Form, Reason, seen, cancellationToken),
            _ => await workflow.ReopenAsync(id, actor, ValueSources.Form, Reason, seen, cancellationToken),
        };
        if (result.Succeeded)
        {
            var done = step switch { "approve" => "approved", "return" => "returned", _ => "reopened" };
            return Redirect($"/data/review/{id}?done={done}");
        }

        await LoadAsync(id, actor, cancellationToken);
        IsRefusal = true;
        RefusedForm = step;
        var someoneActed = result.Refusal == WorkflowRefusal.Conflict && Detail.Version != seen;
        Message = someoneActed
            ? localizer.Format("Someone acted on this submission meanwhile: it is now “{0}”. The page shows it as it stands; check it again before acting.", ReviewText.StatusLabel(localizer, Detail.Status))
            : result.Refusal == WorkflowRefusal.Invalid && string.IsNullOrWhiteSpace(Reason) && step != "approve"
                ? localizer["Give a reason: the reporter sees it and needs it to know what to correct."]
                : string.Join(" ", result.Problems);
        Response.StatusCode = result.Refusal switch
        {
            WorkflowRefusal.Forbidden => StatusCodes.Status403Forbidden,
            WorkflowRefusal.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };

        // The reason typed stays in the form; the version is the one shown now.
        ModelState.Remove(nameof(Version));
        Version = Detail.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, SignedIn actor, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, actor, cancellationToken) is not { } detail)
        {
            return false;
        }

        Detail = detail;
        Version = detail.Version;
        var lastSubmitter = detail.History.LastOrDefault(h => h.Action == "submitted");
        SubmittedByYou = lastSubmitter is not null && detail.Status == "submitted" && lastSubmitter.By == actor.Name;
        return true;
    }
}
