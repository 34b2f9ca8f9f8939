using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Targets;
using OpenDti.Features.Submissions;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// <c>/targets/lagging</c>: the units at risk or off track, worst first, by sector (<c>pillar=</c>) and locality
/// (<c>unit=</c>, a province: its rows and those of the units under it). The same rows as
/// <c>GET /api/v1/targets/lagging</c>.
/// </summary>
public sealed class LaggingModel(TargetQueries queries, UnitDirectory units, TimeProvider time) : PageModel
{
    public LaggingList List { get; private set; } = null!;

    public IReadOnlyList<ReportingUnit> Provinces { get; private set; } = [];

    public string Query { get; private set; } = string.Empty;

    internal TableDownloadLinks Downloads => new("/targets/lagging", Query, null, "/api/v1/targets/lagging" + (Query.Length == 0 ? string.Empty : "?" + Query));

    public async Task OnGetAsync(string? pillar, string? unit, CancellationToken cancellationToken)
    {
        var wanted = TargetTerms.TryParsePillar(pillar, out var p) ? p : null;
        var within = string.IsNullOrWhiteSpace(unit) ? null : await units.FindAsync(unit, time.Today(), cancellationToken);
        var rows = await queries.LaggingAsync(wanted, within?.Id, cancellationToken);
        List = new LaggingList
        {
            Notice = rows.Any(r => r.Progress.IsDemo) ? Frameworks.IndicatorValues.DemoNotice : null,
            AssessedIn = queries.AssessedIn,
            Pillar = wanted,
            Unit = within?.Code.Value,
            Rows = rows,
        };
        var all = await units.AllAsync(cancellationToken);
        var today = time.Today();
        Provinces = [.. all.Values.Where(u => u.Level == UnitLevel.Province && u.IsValidOn(today)).OrderBy(u => u.Name, Domain.Text.VietnameseText.Comparer)];
        var query = new List<string>();
        if (wanted is not null)
        {
            query.Add("pillar=" + wanted);
        }

        if (within is not null)
        {
            query.Add("unit=" + Uri.EscapeDataString(within.Code.Value));
        }

        Query = string.Join("&", query);
    }
}
