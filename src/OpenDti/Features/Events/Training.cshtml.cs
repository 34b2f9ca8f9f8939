using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/training</c>: the training courses, and for organisers a form to create one with its sessions (one per line:
/// <c>date | topic | lecturer</c>).
/// </summary>
public sealed class TrainingModel(TrainingCourses courses, EventAccess access, CurrentActor current, TimeProvider time) : PageModel
{
    public IReadOnlyList<TrainingCourseSummary> Courses { get; private set; } = [];

    public IReadOnlyList<ReportingUnit> HostUnits { get; private set; } = [];

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    [BindProperty]
    public CourseForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var sessions = (Form.Sessions ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(p => new TrainingSessionInput(p.ElementAtOrDefault(0), p.ElementAtOrDefault(1), p.ElementAtOrDefault(2)))
            .ToList();
        var result = await courses.CreateAsync(new TrainingCourseInput(Form.Title, Form.Description, Form.HostUnit, Form.StartsOn, Form.EndsOn, sessions), actor, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/training/{result.Value}");
        }

        Problems = result.Problems;
        Response.StatusCode = result.Refusal == EventRefusal.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Courses = await courses.ListAsync(cancellationToken);
        if (await current.GetAsync(cancellationToken) is { } actor)
        {
            HostUnits = await access.HostUnitsAsync(actor, time.Today(), cancellationToken);
        }
    }

    public sealed class CourseForm
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? HostUnit { get; set; }

        public string? StartsOn { get; set; }

        public string? EndsOn { get; set; }

        public string? Sessions { get; set; }
    }
}
