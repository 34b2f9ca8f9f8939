using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Values;
using OpenDti.Web;

namespace OpenDti.Features.Rankings;

/// <summary>
/// <c>/rankings</c>: a framework's ranking for a year (the latest by default), with each pillar, the rank
/// interval and the change against the previous year. Sorting and the name filter are query parameters
/// (<c>sort=</c>, <c>q=</c>), so the page works without JavaScript.
/// </summary>
[OutputCache(PolicyName = PublicOutputCache.PolicyName)]
public sealed class RankingsModel(RankingQueries queries, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Framework { get; set; } = DemoRankings.Framework;

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary><c>rank</c>, <c>name</c>, <c>change</c> or an aggregate code; a leading <c>-</c> reverses it.</summary>
    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "rank";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Filter { get; set; }

    public IReadOnlyList<RankedFramework> Frameworks { get; private set; } = [];

    public IReadOnlyList<Period> Periods { get; private set; } = [];

    public RankingTable? Table { get; private set; }

    public IReadOnlyList<RankedAggregate> Pillars { get; private set; } = [];

    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];

    public string? PeriodError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Frameworks = await queries.FrameworksAsync(cancellationToken);
        Periods = await queries.PeriodsAsync(Framework, cancellationToken);
        if (Periods.Count == 0)
        {
            return;
        }

        var period = Periods[0];
        if (Period is not null)
        {
            if (Domain.Values.Period.TryParse(Period, out var parsed) && Periods.Contains(parsed))
            {
                period = parsed;
            }
            else
            {
                PeriodError = localizer.Format("No ranking for '{0}'; showing {1} instead.", Period, period.ToString());
            }
        }

        Period = period.ToString();
        Table = await queries.LatestAsync(Framework, period, cancellationToken);
        if (Table is null)
        {
            return;
        }

        Pillars = RankingView.PillarsOf(Table);
        Rows = RankingView.Rows(Table, Sort, Filter);
    }

    public static RankingScore? ScoreOf(RankingRow row, string node) => RankingView.ScoreOf(row, node);

    /// <summary>The link a column header sorts by: the column's order, or the reverse when it is already sorted so.</summary>
    public string SortLink(string key) => Link(Period, Sort == key ? "-" + key : key, Filter);

    /// <summary>aria-sort for a column: rank-like columns sort best first, which is ascending rank.</summary>
    public string? AriaSort(string key) =>
        Sort == key ? (key == "change" ? "descending" : "ascending")
        : Sort == "-" + key ? (key == "change" ? "ascending" : "descending")
        : null;

    public string Link(string? period, string sort, string? filter) =>
        "/rankings?" + RankingView.Query(Framework, period, sort, filter);

    /// <summary>The page's table as a file: the same rows in the same order (sort and filter carried over).</summary>
    internal TableDownloadLinks Downloads => new(
        "/rankings",
        RankingView.Query(Framework, Period, Sort, Filter),
        Json: $"/api/v1/rankings?framework={Uri.EscapeDataString(Framework)}&period={Uri.EscapeDataString(Period ?? string.Empty)}");

    /// <summary>▲3 (up three places), ▼2, = or "new" when the unit had no previous rank.</summary>
    public string Change(RankingScore? score) => score?.RankChange switch
    {
        null => localizer["rank change: new"],
        > 0 and var up => "▲" + up.ToString(CultureInfo.CurrentCulture),
        < 0 and var down => "▼" + (-down).ToString(CultureInfo.CurrentCulture),
        _ => "=",
    };

    public string ChangeLabel(RankingScore? score) => score?.RankChange switch
    {
        null => localizer["No rank in the compared year"],
        > 0 and var up => localizer.Format("Up {0} places", up),
        < 0 and var down => localizer.Format("Down {0} places", -down),
        _ => localizer["Same rank"],
    };

    public static string Number(double? value) =>
        value is { } v ? v.ToString("N2", CultureInfo.CurrentCulture) : "—";

    public static string Interval(RankingScore? score) =>
        score is { RankLow: { } low, RankHigh: { } high }
            ? string.Create(CultureInfo.CurrentCulture, $"{Math.Round(low):0}–{Math.Round(high):0}")
            : "—";
}
