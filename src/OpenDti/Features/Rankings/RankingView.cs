using System.Globalization;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Text;

namespace OpenDti.Features.Rankings;

/// <summary>
/// The rows of a ranking as a person chose to see them: filtered by name (<c>q=</c>) and sorted
/// (<c>sort=</c>). The page and its CSV and XLSX downloads both go through here, so a download holds
/// the rows the page shows, in the same order.
/// </summary>
public static class RankingView
{
    /// <summary>The default order: best overall rank first.</summary>
    public const string DefaultSort = "rank";

    /// <summary>
    /// The rows of <paramref name="table"/> whose name contains <paramref name="filter"/> (ignoring case, not
    /// diacritics: "tĩnh" is not "tinh"), sorted by <paramref name="sort"/>: <c>rank</c>, <c>name</c>
    /// (Vietnamese order), <c>change</c> (biggest rise first) or an aggregate's code (its best rank first); a
    /// leading <c>-</c> reverses it. An unknown key sorts by rank. Ties keep the code order.
    /// </summary>
    public static IReadOnlyList<RankingRow> Rows(RankingTable table, string? sort, string? filter)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = VietnameseText.Normalize(filter.Trim());
            rows = rows.Where(r => VietnameseText.Culture.CompareInfo.IndexOf(r.Name, text, CompareOptions.IgnoreCase) >= 0);
        }

        sort = string.IsNullOrWhiteSpace(sort) ? DefaultSort : sort;
        var descending = sort.StartsWith('-');
        var key = descending ? sort[1..] : sort;
        IOrderedEnumerable<RankingRow> ordered;
        if (key == "name")
        {
            ordered = descending ? rows.OrderByDescending(r => r.Name, VietnameseText.Comparer) : rows.OrderBy(r => r.Name, VietnameseText.Comparer);
        }
        else if (key == "change")
        {
            // Biggest rise first; units without a previous rank last either way.
            ordered = rows.OrderBy(r => ScoreOf(r, IndexRuns.IndexCode)?.RankChange is null)
                .ThenBy(r => (descending ? 1 : -1) * (ScoreOf(r, IndexRuns.IndexCode)?.RankChange ?? 0));
        }
        else
        {
            var node = key == DefaultSort || table.Aggregates.All(a => a.Code != key) ? IndexRuns.IndexCode : key;
            ordered = rows.OrderBy(r => ScoreOf(r, node)?.Rank is null)
                .ThenBy(r => (descending ? -1 : 1) * (ScoreOf(r, node)?.Rank ?? 0));
        }

        return ordered.ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The aggregates of kind "pillar", in framework order.</summary>
    public static IReadOnlyList<RankedAggregate> PillarsOf(RankingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Aggregates.Where(a => a.Kind == "pillar").ToList();
    }

    /// <summary>The row's score on <paramref name="node"/>, or null when the row has none.</summary>
    public static RankingScore? ScoreOf(RankingRow row, string node)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Scores.FirstOrDefault(s => s.Node == node);
    }

    /// <summary>
    /// The query string of a ranking view (<c>framework=…&amp;period=…[&amp;sort=…][&amp;q=…]</c>), the same
    /// for the page and its downloads; the default sort and an empty filter are left out.
    /// </summary>
    public static string Query(string framework, string? period, string? sort, string? filter)
    {
        var query = new List<string> { $"framework={Uri.EscapeDataString(framework)}" };
        if (!string.IsNullOrEmpty(period))
        {
            query.Add($"period={Uri.EscapeDataString(period)}");
        }

        if (!string.IsNullOrWhiteSpace(sort) && sort != DefaultSort)
        {
            query.Add($"sort={Uri.EscapeDataString(sort)}");
        }

        if (!string.IsNullOrWhiteSpace(filter))
        {
            query.Add($"q={Uri.EscapeDataString(filter)}");
        }

        return string.Join("&", query);
    }
}
