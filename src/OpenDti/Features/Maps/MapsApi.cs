using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Web;

namespace OpenDti.Features.Maps;

/// <summary><c>/api/v1/maps/provinces</c>: the tile grid map of the provinces valid on a day.</summary>
internal static class MapsApi
{
    /// <summary>The grid changes only with a release, and the provinces of a past day not at all.</summary>
    private const string CacheControl = "public, max-age=86400";

    public static IServiceCollection AddMaps(this IServiceCollection services) =>
        services.AddSingleton(_ => TileGrid.Load()).AddScoped<ProvinceTiles>().AddScoped<ProvinceScoreMaps>();

    public static IEndpointRouteBuilder MapMapsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/maps").WithTags("Maps")
            .MapGet("/provinces", GetProvinces)
            .WithSummary("Tile grid map of the provinces valid on a day / bản đồ ô vuông các tỉnh theo ngày")
            .WithDescription("on: YYYY-MM-DD (default today). One square per province with its GSO code, name, row (0 = north) and column (0 = west): 63 provinces before 1 July 2025, 34 from then on.");
        app.MapMapDownloads();
        return app;
    }

    public static async Task<Results<Ok<ProvinceTileMap>, ValidationProblem>> GetProvinces(
        string? on, ProvinceTiles tiles, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var day = time.Today();
        if (on is not null && !QueryDate.TryParse(on, out day))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["on"] = [$"Expected a date as YYYY-MM-DD; found '{on}'."] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        var map = await tiles.OnAsync(day, cancellationToken);
        response.Headers.CacheControl = CacheControl;
        return TypedResults.Ok(map);
    }
}
