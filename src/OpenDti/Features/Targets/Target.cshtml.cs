using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Features.Maps;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// <c>/targets/{id}</c>: one target — its document, goal, deadline and source — and every unit it is set for,
/// ranked by the share of the target achieved, with status, paces and forecast. The same rows as
/// <c>GET /api/v1/targets/{id}/progress</c>.
/// </summary>
public sealed class TargetModel(TargetQueries queries, TileGrid grid, TimeProvider time) : PageModel
{
    /// <summary>The tile grid map of today's provinces, when the target is set for provinces (else null).</summary>
    public TileLayout? Map { get; private set; }

    public TargetProgressTable Table { get; private set; } = null!;

    public PolicyDocumentSummary? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.ProgressAsync(id, cancellationToken) is not { } table)
        {
            return NotFound();
        }

        Table = table;
        var layout = grid.LayoutOn(time.Today());
        Map = table.Units.Count > 0 && table.Units.All(u => layout.Find(u.Unit) is not null) ? layout : null;
        Document = await queries.DocumentAsync(table.Target.DocumentId, cancellationToken);
        return Page();
    }
}
