using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenDti.Features.Targets;

/// <summary>
/// <c>/targets/{id}</c>: one target — its document, goal, deadline and source — and every unit it is set for,
/// ranked by the share of the target achieved, with status, paces and forecast. The same rows as
/// <c>GET /api/v1/targets/{id}/progress</c>.
/// </summary>
public sealed class TargetModel(TargetQueries queries) : PageModel
{
    public TargetProgressTable Table { get; private set; } = null!;

    public PolicyDocumentSummary? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.ProgressAsync(id, cancellationToken) is not { } table)
        {
            return NotFound();
        }

        Table = table;
        Document = await queries.DocumentAsync(table.Target.DocumentId, cancellationToken);
        return Page();
    }
}
