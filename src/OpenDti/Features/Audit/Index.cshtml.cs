using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Audit;

/// <summary>
/// <c>/data/audit?unit=</c> (every value of a unit), <c>&amp;measure=&amp;period=</c> (one value): who changed
/// what, when, through which channel and from where, old and new value and comment, and why, newest first,
/// fifty a page; and the steps of the unit's submissions. Read-only: the page has no form that writes.
/// </summary>
[Authorize]
public sealed class AuditModel(CurrentActor current, AuditQueries queries, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>The page of changes (1-based); read from <c>?page=</c> by hand, because Razor Pages keep the "page" route value for themselves.</summary>
    public int PageNumber { get; private set; } = 1;

    public AuditTrail? Trail { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        if (int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            PageNumber = number;
        }

        if (string.IsNullOrWhiteSpace(Unit))
        {
            return Page();
        }

        var lookup = await queries.FindAsync(Unit, Measure, Period, actor, cancellationToken);
        if (lookup.Errors.Count > 0)
        {
            Errors = [.. lookup.Errors.Select(e => e.Key switch
            {
                "measure" => localizer.Format("No measure has the code “{0}”.", Measure ?? string.Empty),
                "period" => localizer.Format("“{0}” is not a period: write 2024, 2024Q1 or 2024-03.", Period ?? string.Empty),
                _ => localizer["Give the code of a unit."].Value,
            })];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (lookup.Subject is not { } subject)
        {
            Errors = [localizer.Format("No unit with the code “{0}” that you may read.", Unit)];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Trail = await queries.TrailAsync(subject, PageNumber, AuditQueries.PageSize, cancellationToken);
        return Page();
    }

    /// <summary>This view with another page or format, keeping the unit, measure and period.</summary>
    public string Link(string path, int? page = null)
    {
        var query = new List<string> { "unit=" + Uri.EscapeDataString(Trail?.Unit ?? Unit ?? string.Empty) };
        if (Trail?.Measure is { } measure)
        {
            query.Add("measure=" + Uri.EscapeDataString(measure));
        }

        if (Trail?.Period is { } period)
        {
            query.Add("period=" + Uri.EscapeDataString(period));
        }

        if (page is { } p)
        {
            query.Add("page=" + p.ToString(CultureInfo.InvariantCulture));
        }

        return path + "?" + string.Join("&", query);
    }
}
