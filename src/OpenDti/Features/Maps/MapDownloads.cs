using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Web;

namespace OpenDti.Features.Maps;

/// <summary>
/// <c>/map.csv</c> and <c>/map.xlsx</c> (<c>?year=&amp;score=</c>): the table under the map as a file, the
/// provinces of that year in the page's order (best rank first) with the score shown.
/// </summary>
internal static class MapDownloads
{
    public static IEndpointRouteBuilder MapMapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/map." + TableExport.FormatSegment, DownloadAsync)
            .WithTags("Maps")
            .WithSummary("The map's table as CSV or XLSX / bảng số liệu của bản đồ dạng CSV hoặc Excel")
            .WithDescription("format: csv or xlsx. year (default the latest ranked) and score (INDEX or an aggregate code) as the /map page.")
            .CachePublicly();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> DownloadAsync(
        string format, string? year, string? score, ProvinceScoreMaps maps, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var years = await maps.YearsAsync(cancellationToken);
        int chosen;
        if (year is null)
        {
            chosen = years.Count > 0 ? years[0] : 0;
        }
        else if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out chosen) || !years.Contains(chosen))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["year"] = [$"Expected a ranked year ({string.Join(", ", years)}); found '{year}'."] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        if (years.Count == 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["year"] = ["Expected a ranked year; no ranking has been computed yet."] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        var map = await maps.BuildAsync(chosen, score, cancellationToken);
        var name = map.Aggregate is null ? null : Localisation.Pick(map.Aggregate.Name, map.Aggregate.NameEn);
        var table = new TableExport(
            [localizer["map.Rank"], localizer["Code"], localizer["map.Province"], name is null ? localizer["map.Score"] : localizer.Format("{0}: score", name)],
            map.Tiles.Select(t => (IReadOnlyList<object?>)[t.Rank, t.Tile.Code, t.Tile.Name, t.Score is { } value ? Math.Round(value, 2) : null]).ToList());
        return table.ToFile(format, $"{ProvinceScoreMaps.Framework}-{map.Year}-{map.Aggregate?.Code ?? "units"}", map.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
