using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Values;
using OpenDti.Web;

namespace OpenDti.Features.Rankings;

/// <summary>
/// <c>/rankings.csv</c> and <c>/rankings.xlsx</c> (<c>?framework=&amp;period=[&amp;sort=][&amp;q=]</c>): the
/// ranking table of the page as a file, with the page's sort and name filter, headers in the request's
/// language. The JSON stays at <c>/api/v1/rankings</c>.
/// </summary>
internal static class RankingDownloads
{
    public static IEndpointRouteBuilder MapRankingDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rankings." + TableExport.FormatSegment, DownloadAsync)
            .WithTags("Rankings")
            .WithSummary("Ranking table as CSV (UTF-8 with BOM) or XLSX / bảng xếp hạng dạng CSV hoặc Excel")
            .WithDescription("format: csv or xlsx. framework (default DTI_PROVINCE), period, and the page's sort (rank, name, change, an aggregate code; - reverses) and q (name filter): the rows the page shows, in its order.")
            .CachePublicly();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        string format, string? framework, string? period, string? sort, string? q, RankingQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        framework = string.IsNullOrWhiteSpace(framework) ? DemoRankings.Framework : framework;
        if (!Period.TryParse(period, out var parsed))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["period"] = [$"Expected a period as 2024, 2024Q1 or 2024-03; found '{period}'."] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        var table = await queries.LatestAsync(framework, parsed, cancellationToken);
        if (table is null)
        {
            return ApiProblems.NotFound($"No index run of '{framework}' for {parsed}.");
        }

        return RankingExport.ToTable(table, RankingView.Rows(table, sort, q), localizer)
            .ToFile(format, RankingExport.FileName(table), table.Period);
    }
}
