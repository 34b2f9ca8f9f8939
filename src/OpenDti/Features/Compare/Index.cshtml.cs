using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using OpenDti.Domain.Values;
using OpenDti.Features.Profiles;
using OpenDti.Web;

namespace OpenDti.Features.Compare;

/// <summary>
/// <c>/compare?units=01,79,48&amp;period=2024</c>: two to five provinces side by side. The form (five selects
/// named <c>units</c>) works without script; the codes may also come comma-separated in one parameter.
/// </summary>
[OutputCache(PolicyName = PublicOutputCache.PolicyName)]
public sealed class IndexModel(CompareQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "units")]
    public string[] UnitsText { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodText { get; set; }

    public IReadOnlyList<Period> Periods { get; private set; } = [];

    public Period? Period { get; private set; }

    public IReadOnlyList<CompareChoice> Choices { get; private set; } = [];

    /// <summary>The codes asked for, in order.</summary>
    public IReadOnlyList<string> Selected { get; private set; } = [];

    public CompareTable? Table { get; private set; }

    /// <summary>What is wrong with the choice, when something is.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Periods = await queries.PeriodsAsync(ProfilesApi.DefaultFramework, cancellationToken);
        Period = Domain.Values.Period.TryParse(PeriodText, out var asked) && Periods.Contains(asked) ? asked : Periods.Count > 0 ? Periods[0] : null;
        Selected = CompareQueries.ParseCodes(UnitsText);
        if (Period is not { } period)
        {
            return;
        }

        Choices = await queries.ChoicesAsync(ProfilesApi.DefaultFramework, period, cancellationToken);
        if (Selected.Count == 0)
        {
            return;
        }

        var (table, problem) = await queries.CompareAsync(ProfilesApi.DefaultFramework, period, Selected, cancellationToken);
        Table = table;
        Problem = problem;
        if (problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
