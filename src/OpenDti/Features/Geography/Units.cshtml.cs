using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Text;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary>The provinces valid on a chosen date (34 today; 63 before 1 July 2025), each linked to its successor or predecessors.</summary>
public sealed class UnitsModel(UnitQueries units, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "on")]
    public string? OnText { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "code";

    public DateOnly On { get; private set; }

    public string? DateError { get; private set; }

    public IReadOnlyList<UnitListRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        On = time.Today();
        if (OnText is not null)
        {
            if (QueryDate.TryParse(OnText, out var parsed))
            {
                On = parsed;
            }
            else
            {
                DateError = localizer.Format("'{0}' is not a date; showing today instead.", OnText);
            }
        }

        var rows = await units.ListWithSuccessionsAsync(UnitLevel.Province, On, cancellationToken);
        Rows = Sort == "name"
            ? rows.OrderBy(r => r.Unit.Name, VietnameseText.Comparer).ToList()
            : rows;
    }

    /// <summary>The query that opens a unit as it was on the page's date, when that is not today.</summary>
    public string DateQueryFor(UnitSummary unit) =>
        unit.ValidTo is not null ? $"?on={On.ToIso()}" : string.Empty;

    public string Validity(DateOnly? from, DateOnly? to) => ValidityText.Describe(localizer, from, to);
}
