using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Features.Geography;
using OpenDti.Store;

namespace OpenDti.Features;

/// <summary>The overview: what OpenDTI holds, at a glance.</summary>
public sealed class IndexModel(UnitQueries units, OpenDtiDbContext db, TimeProvider time) : PageModel
{
    public static readonly DateOnly LastDayBeforeMerger = new(2025, 6, 30);

    public int ProvincesToday { get; private set; }

    public int ProvincesBefore { get; private set; }

    public int Frameworks { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ProvincesToday = (await units.ListAsync(UnitLevel.Province, Web.VietnamClock.Today(time), cancellationToken)).Count;
        ProvincesBefore = (await units.ListAsync(UnitLevel.Province, LastDayBeforeMerger, cancellationToken)).Count;
        Frameworks = await db.Frameworks.CountAsync(cancellationToken);
    }
}
