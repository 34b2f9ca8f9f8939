using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Web;

namespace OpenDti.Features.Submissions;

/// <summary>
/// <c>/data/completeness?dataSet=&amp;period=</c>: for reviewers, administrators, viewers and leaders, every
/// unit they may read that must report the data set for the period, where its report stands and whether it is
/// late, with counts overall and per province and the days left before the deadline. Administrators of the
/// nation or a province can set the deadline here.
/// </summary>
[Authorize]
public sealed class CompletenessModel(
    CurrentActor current, DataSetCatalog catalog, CompletenessQueries queries, DataSetDeadlines deadlines, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? DataSet { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>The new deadline (yyyy-MM-dd) posted by the deadline form.</summary>
    [BindProperty]
    public string? DueOn { get; set; }

    public IReadOnlyList<DataSetView> DataSets { get; private set; } = [];

    public CompletenessReport? Report { get; private set; }

    /// <summary>The periods offered in the period list: the latest that has ended, the current one and the four before.</summary>
    public IReadOnlyList<string> Periods { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public bool MaySetDeadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        await LoadAsync(actor, cancellationToken);
        if (done == "deadline" && Report is not null)
        {
            Message = localizer.Format("The deadline of {0} is now {1}.", Report.Period, Report.Deadline.ToIso());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeadlineAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var result = await deadlines.SetAsync(DataSet ?? string.Empty, Period, DueOn, actor, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/data/completeness?dataSet={Uri.EscapeDataString(result.DataSet!)}&period={Uri.EscapeDataString(result.Period!)}&done=deadline");
        }

        Response.StatusCode = result.Refusal switch
        {
            WorkflowRefusal.NotFound => StatusCodes.Status404NotFound,
            WorkflowRefusal.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        await LoadAsync(actor, cancellationToken);
        Error = result.Refusal switch
        {
            WorkflowRefusal.Forbidden => localizer["Only a national or provincial administrator may set deadlines."],
            WorkflowRefusal.Invalid when result.Field == "dueOn" => localizer.Format("Give the deadline as a date from the start of the period to two years after its end; found “{0}”.", DueOn ?? string.Empty),
            _ => result.Problem,
        };
        return Page();
    }

    private async Task LoadAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        DataSets = await catalog.AllAsync(cancellationToken);
        MaySetDeadline = await deadlines.MaySetAsync(actor, cancellationToken);
        if (DataSets.Count == 0)
        {
            return;
        }

        DataSet ??= DataSets[0].DataSet.Code;
        var (set, period, errors) = await CompletenessApi.ParseAsync(DataSet, Period, catalog, queries, cancellationToken);
        if (errors is not null)
        {
            Error = set is null
                ? localizer.Format("No data set has the code “{0}”.", DataSet)
                : localizer.Format("“{0}” is not a period of this data set; showing {1}.", Period ?? string.Empty, queries.LatestEnded(set).ToString());
            set ??= DataSets[0];
            period = queries.LatestEnded(set);
        }

        DataSet = set!.DataSet.Code;
        Period = period.ToString();
        var latest = queries.LatestEnded(set);
        var offered = new List<string> { CompletenessQueries.Next(latest).ToString(), latest.ToString() };
        var earlier = latest;
        for (var i = 0; i < 4; i++)
        {
            earlier = CompletenessQueries.Previous(earlier);
            offered.Add(earlier.ToString());
        }

        if (!offered.Contains(Period))
        {
            offered.Add(Period);
        }

        Periods = offered;
        Report = await queries.GetAsync(set, period, actor, cancellationToken);
    }

    /// <summary>A download link of the table in the page's data set and period.</summary>
    public string DownloadLink(string extension) =>
        $"/data/completeness.{extension}?dataSet={Uri.EscapeDataString(DataSet ?? string.Empty)}&period={Uri.EscapeDataString(Period ?? string.Empty)}";
}
