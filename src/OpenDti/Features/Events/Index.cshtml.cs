using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary><c>/events?month=yyyy-MM</c>: the month's calendar of events, the list of events, the iCalendar feed.</summary>
public sealed class IndexModel(EventQueries queries, CurrentActor current, TimeProvider time) : PageModel
{
    public DateOnly Month { get; private set; }

    public IReadOnlyList<ConferenceSummary> InMonth { get; private set; } = [];

    public IReadOnlyList<ConferenceSummary> All { get; private set; } = [];

    public bool MayOrganise { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        var today = time.Today();
        Month = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : new DateOnly(today.Year, today.Month, 1);
        All = await queries.ListAsync(null, null, cancellationToken);
        InMonth = [.. All.Where(e => DateOnly.FromDateTime(e.StartsAt.DateTime) <= Month.AddMonths(1).AddDays(-1) && DateOnly.FromDateTime(e.EndsAt.DateTime) >= Month)];
        MayOrganise = EventAccess.MayOrganiseSomewhere(await current.GetAsync(cancellationToken));
    }
}
