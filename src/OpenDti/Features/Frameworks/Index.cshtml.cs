using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenDti.Features.Frameworks;

/// <summary>The index frameworks and their versions.</summary>
public sealed class IndexModel(FrameworkQueries frameworks) : PageModel
{
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Frameworks = await frameworks.ListAsync(cancellationToken);
}
