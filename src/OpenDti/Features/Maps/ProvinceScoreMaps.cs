using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Values;
using OpenDti.Features.Rankings;
using OpenDti.Store;

namespace OpenDti.Features.Maps;

/// <summary>Builds the choropleth of a ranking: the stored scores of one aggregate on the tile grid of their year.</summary>
public sealed class ProvinceScoreMaps(OpenDtiDbContext db, RankingQueries rankings, ProvinceTiles tiles)
{
    /// <summary>The framework the map shows: the provincial DTI.</summary>
    public const string Framework = DemoRankings.Framework;

    /// <summary>The years with a ranking of <see cref="Framework"/>, latest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken)
    {
        var versionIds = await db.Frameworks.AsNoTracking()
            .Where(f => f.Code == Framework)
            .SelectMany(f => f.Versions)
            .Select(v => v.Id)
            .ToListAsync(cancellationToken);
        var periods = await db.IndexRuns.AsNoTracking()
            .Where(r => versionIds.Contains(r.FrameworkVersionId))
            .Select(r => r.Period)
            .Distinct()
            .ToListAsync(cancellationToken);
        return periods.Where(p => p.Type == PeriodType.Year).Select(p => p.Year).Distinct().OrderDescending().ToList();
    }

    /// <summary>The map of <paramref name="aggregate"/> (a code such as INDEX; unknown codes show the index) in <paramref name="year"/>.</summary>
    public async Task<ProvinceScoreMap> BuildAsync(int year, string? aggregate, CancellationToken cancellationToken)
    {
        var ranking = await rankings.LatestAsync(Framework, Period.OfYear(year), cancellationToken);
        var on = ranking?.UnitsOn ?? new DateOnly(year, 12, 31);
        var grid = await tiles.OnAsync(on, cancellationToken);
        var shown = ranking?.Aggregates.FirstOrDefault(a => a.Code == aggregate)
            ?? ranking?.Aggregates.FirstOrDefault(a => a.Code == IndexRuns.IndexCode);
        var scores = ranking is null || shown is null
            ? new Dictionary<string, RankingScore>(StringComparer.Ordinal)
            : ranking.Rows
                .Select(r => (r.Code, Score: r.Scores.FirstOrDefault(s => s.Node == shown.Code)))
                .Where(r => r.Score is not null)
                .ToDictionary(r => r.Code, r => r.Score!, StringComparer.Ordinal);
        var classes = ScoreClasses.Of(scores.Values.Where(s => s.Score is not null).Select(s => s.Score!.Value));
        var scored = grid.Tiles
            .Select(t =>
            {
                var score = scores.GetValueOrDefault(t.Code);
                int? number = score?.Score is { } value ? ScoreClasses.ClassOf(classes, value) : null;
                return new ScoredTile(t, score?.Score, score?.Rank, number);
            })
            .OrderBy(t => t.Rank ?? int.MaxValue)
            .ThenBy(t => t.Tile.Code, StringComparer.Ordinal)
            .ToList();
        return new ProvinceScoreMap
        {
            Year = year,
            On = on,
            Grid = grid,
            Aggregates = ranking?.Aggregates ?? [],
            Aggregate = shown,
            Notice = ranking?.Notice,
            Classes = classes,
            Tiles = scored,
        };
    }
}
