using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/events/{id}/edit</c>: the host unit's administrators change an event — its details and its agenda
/// (add, change, reorder, remove topics) — with the form of <c>/events/new</c>. The form carries the version
/// it was read at: when someone changed the event meanwhile, the save is refused (409) and nothing is written.
/// Others get 403, a closed event 409, both with the reason.
/// </summary>
[Authorize]
public sealed class EditModel(Conferences conferences, EventQueries queries, EventAccess access, CurrentActor current, TimeProvider time) : PageModel
{
    [BindProperty]
    public EventForm Form { get; set; } = new();

    public ConferenceDetail? Detail { get; private set; }

    public IReadOnlyList<ReportingUnit> HostUnits { get; private set; } = [];

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    /// <summary>True when the form may be shown: the actor organises for the host unit and the event is open.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>True when the last save was refused because the event changed after the form was opened.</summary>
    public bool ChangedMeanwhile { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        Detail = await queries.GetAsync(id, actor, cancellationToken);
        if (Detail is null)
        {
            return NotFound();
        }

        Form = EventForm.From(Detail);
        return await ShowAsync(actor, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        // A form without its version cannot tell whether it is stale: refuse it rather than overwrite.
        var result = Form.Version is null
            ? EventResult.Invalid<int>([new InputProblem("field.required", new ProblemPlace(Field: "version"), "phiên bản của sự kiện khi mở biểu mẫu / the event's version when the form was opened", null)])
            : await conferences.UpdateAsync(id, Form.ToInput(), actor, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/events/{id}?done=updated");
        }

        Detail = await queries.GetAsync(id, actor, cancellationToken);
        if (Detail is null)
        {
            return NotFound();
        }

        Problems = result.Problems;
        ChangedMeanwhile = result.Problems.Any(p => p.Code == "event.changed");
        await ShowAsync(actor, cancellationToken);
        Response.StatusCode = result.HttpStatus;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        var detail = Detail!;
        if (!detail.MayOrganise)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (detail.Summary.Status == "reported")
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        MayEdit = true;
        var units = await access.HostUnitsAsync(actor, time.Today(), cancellationToken);
        var current = await access.FindUnitAsync(detail.Summary.HostUnit, time.Today(), cancellationToken);
        // The host may be a unit outside the usual list (a department, a commune): keep it choosable.
        HostUnits = current is null || units.Any(u => u.Id == current.Id) ? units : [current, .. units];
        return Page();
    }
}
