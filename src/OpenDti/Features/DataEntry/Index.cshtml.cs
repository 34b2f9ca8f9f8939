using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Text;
using OpenDti.Features.Accounts;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// <c>/data</c>: the signed-in person's work — every form they may fill in the open periods, with its status,
/// deadline and days left — and, for reviewers, the way to the review area. Filters are query parameters
/// (<c>show=todo|all</c>, <c>q=</c>, <c>page=</c>), so the page works without JavaScript.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class MyWorkModel(CurrentActor current, MyWork work) : PageModel
{
    public const int PageSize = 100;

    /// <summary><c>todo</c> (not started, draft, returned) or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "all";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Filter { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SignedIn Actor { get; private set; } = null!;

    public bool MayEnter { get; private set; }

    public bool MayReview { get; private set; }

    /// <summary>Every form before filtering.</summary>
    public int Total { get; private set; }

    /// <summary>Forms matching the filters.</summary>
    public int Matching { get; private set; }

    public int Pages { get; private set; }

    /// <summary>This page's forms, grouped by data set and period.</summary>
    public IReadOnlyList<IGrouping<(string DataSet, Domain.Values.Period Period), WorkItem>> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return Challenge(IdentityConstants.ApplicationScheme);
        }

        Actor = actor;
        MayEnter = actor.HasAnywhere(Ability.Enter);
        MayReview = actor.HasAnywhere(Ability.Review);
        var items = await work.ListAsync(actor, cancellationToken);
        Total = items.Count;
        IEnumerable<WorkItem> shown = items;
        if (Show == "todo")
        {
            shown = shown.Where(i => i.IsOpen);
        }

        if (!string.IsNullOrWhiteSpace(Filter))
        {
            var filter = VietnameseText.Normalize(Filter);
            shown = shown.Where(i => VietnameseText.Culture.CompareInfo.IndexOf(i.UnitName, filter, CompareOptions.IgnoreCase) >= 0
                || i.UnitCode.StartsWith(filter, StringComparison.OrdinalIgnoreCase));
        }

        var matching = shown.ToList();
        Matching = matching.Count;
        Pages = Math.Max(1, (Matching + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Groups = [.. matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).GroupBy(i => (i.DataSetCode, i.Period))];
        return Page();
    }

    /// <summary>The address of another page of the list, keeping the filters.</summary>
    public string PageLink(int page) =>
        $"{EntryPaths.MyWork}?show={Uri.EscapeDataString(Show)}&q={Uri.EscapeDataString(Filter ?? string.Empty)}&page={page.ToString(CultureInfo.InvariantCulture)}";
}
