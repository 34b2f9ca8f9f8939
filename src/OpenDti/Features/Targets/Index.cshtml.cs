using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Accounts;
using OpenDti.Features.Accounts;

namespace OpenDti.Features.Targets;

/// <summary>
/// <c>/targets</c>: the programme dashboard — the documents (Decision 749 and the documents that make it
/// concrete), then the targets by pillar with how many units are achieved, on track, at risk, off track or
/// without data. The same figures as <c>GET /api/v1/targets/dashboard</c>.
/// </summary>
public sealed class TargetsIndexModel(TargetQueries queries, CurrentActor current) : PageModel
{
    public TargetDashboard Dashboard { get; private set; } = null!;

    /// <summary>True when the signed-in person may record targets somewhere.</summary>
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await queries.DashboardAsync(cancellationToken);
        CanAdd = await current.GetAsync(cancellationToken) is { } actor && actor.HasAnywhere(Ability.Administer);
    }
}
