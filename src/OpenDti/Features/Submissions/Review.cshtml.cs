using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Text;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;

namespace OpenDti.Features.Submissions;

/// <summary>
/// <c>/data/review</c>: the submissions waiting for the signed-in reviewer — submitted, in the units they
/// review — oldest first, filterable by data set, period and province.
/// </summary>
[Authorize]
public sealed class ReviewModel(CurrentActor current, SubmissionQueries queries, DataSetCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? DataSet { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    public IReadOnlyList<DataSetView> DataSets { get; private set; } = [];

    /// <summary>The provinces that have submissions waiting (before the province filter), sorted the Vietnamese way.</summary>
    public IReadOnlyList<(string Code, string Name)> Provinces { get; private set; } = [];

    public IReadOnlyList<SubmissionSummary> Waiting { get; private set; } = [];

    public bool IsReviewer { get; private set; }

    public bool Truncated { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        DataSets = await catalog.AllAsync(cancellationToken);
        IsReviewer = actor.HasAnywhere(Ability.Review);
        var set = string.IsNullOrWhiteSpace(DataSet) ? null : await catalog.FindAsync(DataSet, cancellationToken);
        Domain.Values.Period? period = Domain.Values.Period.TryParse(Period?.Trim(), out var parsed) ? parsed : null;
        var list = await queries.ListAsync(actor, new SubmissionFilter(Ability.Review, set?.DataSet.Id, period, SubmissionStatus.Submitted), cancellationToken);
        Truncated = list.Truncated;
        Provinces = [.. list.Submissions.Where(s => s.Province is not null)
            .Select(s => (Code: s.Province!, Name: s.ProvinceName!))
            .Distinct()
            .OrderBy(p => p.Name, VietnameseText.Comparer)];
        Waiting = string.IsNullOrWhiteSpace(Province)
            ? list.Submissions
            : [.. list.Submissions.Where(s => string.Equals(s.Province, Province.Trim(), StringComparison.Ordinal))];
        return Page();
    }
}
