using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using OpenDti.Features.Rankings;
using OpenDti.Web;

namespace OpenDti.Features.Maps;

/// <summary>
/// The provinces of a year coloured by one DTI score (the index or a pillar), as a tile grid map with
/// a legend and the same figures in a table.
/// </summary>
[OutputCache(PolicyName = PublicOutputCache.PolicyName)]
public sealed class IndexModel(ProvinceScoreMaps maps, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Pixels per grid cell; each square is <see cref="TileSize"/> with the rest as a gap.</summary>
    public const int Cell = 56;

    public const int TileSize = 52;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Score { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public ProvinceScoreMap Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await maps.YearsAsync(cancellationToken);
        var year = Year is { } chosen && Years.Contains(chosen)
            ? chosen
            : Years.Count > 0 ? Years[0] : time.Today().Year;
        Year = year;
        Map = await maps.BuildAsync(year, Score, cancellationToken);
        Score = Map.Aggregate?.Code;
    }

    public string AggregateName(RankedAggregate aggregate) => Localisation.Pick(aggregate.Name, aggregate.NameEn) ?? aggregate.Name;

    public static string FormatScore(double? score) =>
        score is { } value ? value.ToString("0.0", CultureInfo.CurrentCulture) : "—";

    /// <summary>What hovering or focusing a square tells, and what a screen reader reads for it.</summary>
    public string Describe(ScoredTile tile) => tile.Score is null
        ? localizer.Format("{0}: no score", tile.Tile.Name)
        : localizer.Format("{0}: score {1}, rank {2} of {3}", tile.Tile.Name, FormatScore(tile.Score), tile.Rank?.ToString(CultureInfo.CurrentCulture) ?? "—", Map.Tiles.Count);

    public string UnitLink(ScoredTile tile) => $"/units/{tile.Tile.Code}?on={Map.On.ToIso()}";

    /// <summary>The square's label in two lines: "Hà" / "Giang"; the two longest names are shortened as on road signs.</summary>
    public static (string First, string Second) Label(string name)
    {
        var plain = name.Replace("Thành phố ", string.Empty, StringComparison.Ordinal).Replace("Tỉnh ", string.Empty, StringComparison.Ordinal);
        plain = plain switch
        {
            "Hồ Chí Minh" => "TP. HCM",
            "Bà Rịa - Vũng Tàu" => "BR-VT",
            _ => plain,
        };
        var space = plain.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (plain, string.Empty) : (plain[..space], plain[(space + 1)..]);
    }

    public static string Px(int value) => value.ToString(CultureInfo.InvariantCulture);
}
