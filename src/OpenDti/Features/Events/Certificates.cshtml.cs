using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenDti.Features.Events;

/// <summary><c>/training/{id}/certificates</c>: one printable completion certificate per trainee who completed the course.</summary>
public sealed class CertificatesModel(TrainingCourses courses) : PageModel
{
    public TrainingCourseDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Detail = await courses.GetAsync(id, null, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }
}
