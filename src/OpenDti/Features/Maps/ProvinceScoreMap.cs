using OpenDti.Features.Rankings;

namespace OpenDti.Features.Maps;

/// <summary>A choropleth of one score (the index or an aggregate) for one year, on that year's provinces.</summary>
public sealed record ProvinceScoreMap
{
    public required int Year { get; init; }

    /// <summary>The day whose provinces are shown: the ranked day when a ranking exists, else 31 December.</summary>
    public required DateOnly On { get; init; }

    public required ProvinceTileMap Grid { get; init; }

    /// <summary>The aggregates that can be shown, the index first; empty without a ranking.</summary>
    public required IReadOnlyList<RankedAggregate> Aggregates { get; init; }

    /// <summary>The aggregate shown; null when the year has no ranking.</summary>
    public RankedAggregate? Aggregate { get; init; }

    /// <summary>"dữ liệu minh họa / demo data" when the ranking read demo values.</summary>
    public string? Notice { get; init; }

    public required IReadOnlyList<ScoreClass> Classes { get; init; }

    /// <summary>One per province, in table order: best rank first, then provinces without a score by code.</summary>
    public required IReadOnlyList<ScoredTile> Tiles { get; init; }
}

/// <summary>A province's square with its score, rank and legend class (null when it has no score).</summary>
public sealed record ScoredTile(ProvinceTile Tile, double? Score, int? Rank, int? Class);
