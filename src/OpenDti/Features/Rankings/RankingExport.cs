using Microsoft.Extensions.Localization;
using OpenDti.Domain.Rankings;
using OpenDti.Web;

namespace OpenDti.Features.Rankings;

/// <summary>
/// A ranking as a downloadable table, in rank order: the index's score, rank, rank interval, previous
/// rank and change, then each pillar's score and rank; headers in the request's language.
/// </summary>
internal static class RankingExport
{
    public static TableExport ToTable(RankingTable table, IStringLocalizer localizer)
    {
        var pillars = RankingsModel.PillarsOf(table);
        string Name(RankedAggregate a) => Localisation.Pick(a.Name, a.NameEn) ?? a.Code;
        List<string> header =
        [
            localizer["Code"], localizer["Province or city"], localizer["Index score"], localizer["Index rank"],
            localizer["Rank interval low"], localizer["Rank interval high"], localizer["Previous rank"], localizer["Change in rank"],
            .. pillars.SelectMany(p => new[] { localizer.Format("{0}: score", Name(p)), localizer.Format("{0}: rank", Name(p)) }),
        ];
        var rows = table.Rows.Select(row =>
        {
            var index = row.Scores.FirstOrDefault(s => s.Node == IndexRuns.IndexCode);
            List<object?> cells =
            [
                row.Code, row.Name, Round(index?.Score), index?.Rank, index?.RankLow, index?.RankHigh, index?.PreviousRank, index?.RankChange,
                .. pillars.SelectMany(p =>
                {
                    var score = row.Scores.FirstOrDefault(s => s.Node == p.Code);
                    return new object?[] { Round(score?.Score), score?.Rank };
                }),
            ];
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new TableExport(header, rows);
    }

    public static string FileName(RankingTable table, string extension) => $"{table.Framework}-{table.Period}.{extension}";

    // Scores are double arithmetic; the files show them as the page does, to 0.01.
    private static double? Round(double? score) => score is { } value ? Math.Round(value, 2) : null;
}
