using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/events/new</c>: an organiser (province-admin or national-admin) creates an event. The agenda is one topic
/// per line: <c>time | topic | speaker | position | materials</c>.
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

        var agenda = (Form.Agenda ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(p => new AgendaInput(p.ElementAtOrDefault(1), p.ElementAtOrDefault(2), p.ElementAtOrDefault(3), p.ElementAtOrDefault(0), p.ElementAtOrDefault(4)))
            .ToList();
        var input = new ConferenceInput
        {
            Kind = Form.Kind,
            Title = Form.Title,
            Description = Form.Description,
            StartsAt = Form.StartsAt,
            EndsAt = Form.EndsAt,
            HostUnit = Form.HostUnit,
            Organisers = Form.Organisers,
            Partners = Form.Partners,
            Format = Form.Format,
            VideoLink = Form.VideoLink,
            Audience = Form.Audience,
            Agenda = agenda,
        };
        var result = await conferences.CreateAsync(input, actor, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/events/{result.Value}?done=created");
        }

        Problems = result.Problems;
        Response.StatusCode = result.Refusal == EventRefusal.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        HostUnits = await access.HostUnitsAsync(actor, time.Today(), cancellationToken);
        return Page();
    }

    public sealed class EventForm
    {
        public string? Kind { get; set; } = "conference";

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? StartsAt { get; set; }

        public string? EndsAt { get; set; }

        public string? HostUnit { get; set; }

        public string? Organisers { get; set; }

        public string? Partners { get; set; }

        public string? Format { get; set; } = "online";

        public string? VideoLink { get; set; }

        public string? Audience { get; set; }

        public string? Agenda { get; set; }
    }
}
