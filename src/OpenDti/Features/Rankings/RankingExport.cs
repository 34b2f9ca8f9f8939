using Microsoft.Extensions.Localization;
using OpenDti.Domain.Rankings;
using OpenDti.Web;

namespace OpenDti.Features.Rankings;

/// <summary>
/// A ranking as a downloadable table, with the rows the page shows in its order: the index's score, rank,
/// rank interval, previous rank and change, then each pillar's score, rank, previous rank and change;
/// headers in the request's language.
/// </summary>
internal static class RankingExport
{
    public static TableExport ToTable(RankingTable table, IReadOnlyList<RankingRow> rows, IStringLocalizer localizer)
    {
        var pillars = RankingView.PillarsOf(table);
        string Name(RankedAggregate a) => Localisation.Pick(a.Name, a.NameEn) ?? a.Code;
        List<string> header =
        [
            localizer["Code"], localizer["Province or city"], localizer["Index score"], localizer["Index rank"],
            localizer["Rank interval low"], localizer["Rank interval high"], localizer["Previous rank"], localizer["Change in rank"],
            .. pillars.SelectMany(p => new[]
            {
                localizer.Format("{0}: score", Name(p)), localizer.Format("{0}: rank", Name(p)),
                localizer.Format("{0}: previous rank", Name(p)), localizer.Format("{0}: change in rank", Name(p)),
            }),
        ];
        var cells = rows.Select(row =>
        {
            var index = RankingView.ScoreOf(row, IndexRuns.IndexCode);
            List<object?> line =
            [
                row.Code, row.Name, Round(index?.Score), index?.Rank, index?.RankLow, index?.RankHigh, index?.PreviousRank, index?.RankChange,
                .. pillars.SelectMany(p =>
                {
                    var score = RankingView.ScoreOf(row, p.Code);
                    return new object?[] { Round(score?.Score), score?.Rank, score?.PreviousRank, score?.RankChange };
                }),
            ];
            return (IReadOnlyList<object?>)line;
        }).ToList();
        return new TableExport(header, cells);
    }

    public static string FileName(RankingTable table) => $"{table.Framework}-{table.Period}";

    // Scores are double arithmetic; the files show them as the page does, to 0.01.
    private static double? Round(double? score) => score is { } value ? Math.Round(value, 2) : null;
}
