using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/events/new</c>: an organiser (province-admin or national-admin) creates an event, with the form that
/// <c>/events/{id}/edit</c> uses too (<see cref="EventForm"/>, <c>_EventForm.cshtml</c>).
/// </summary>
[Authorize]
public sealed class NewModel(Conferences conferences, EventAccess access, CurrentActor current, TimeProvider time) : PageModel
{
    [BindProperty]
    public EventForm Form { get; set; } = new();

    public IReadOnlyList<ReportingUnit> HostUnits { get; private set; } = [];

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        HostUnits = await access.HostUnitsAsync(actor, time.Today(), cancellationToken);
        return HostUnits.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var result = await conferences.CreateAsync(Form.ToInput() with { Version = null }, actor, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/events/{result.Value}?done=created");
        }

        Problems = result.Problems;
        Response.StatusCode = result.HttpStatus;
        HostUnits = await access.HostUnitsAsync(actor, time.Today(), cancellationToken);
        return Page();
    }
}
