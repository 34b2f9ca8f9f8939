using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Values;
using OpenDti.Web;

namespace OpenDti.Features.Rankings;

/// <summary>
/// <c>/rankings.csv</c> and <c>/rankings.xlsx</c> (<c>?framework=&amp;period=</c>): the ranking table of
/// the page as a file, headers in the request's language. The JSON stays at <c>/api/v1/rankings</c>.
/// </summary>
internal static class RankingDownloads
{
    public static IEndpointRouteBuilder MapRankingDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rankings.csv", (string? framework, string? period, RankingQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            DownloadAsync(framework, period, queries, localizer, "csv", cancellationToken)).WithTags("Rankings").WithSummary("Ranking table as CSV (UTF-8 with BOM) / bảng xếp hạng dạng CSV");
        app.MapGet("/rankings.xlsx", (string? framework, string? period, RankingQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            DownloadAsync(framework, period, queries, localizer, "xlsx", cancellationToken)).WithTags("Rankings").WithSummary("Ranking table as XLSX / bảng xếp hạng dạng Excel");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        string? framework, string? period, RankingQueries queries, IStringLocalizer localizer, string format, CancellationToken cancellationToken)
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

        var export = RankingExport.ToTable(table, localizer);
        return format == "xlsx"
            ? TypedResults.File(export.ToXlsx(table.Period), TableExport.XlsxContentType, RankingExport.FileName(table, "xlsx"))
            : TypedResults.File(export.ToCsv(), TableExport.CsvContentType, RankingExport.FileName(table, "csv"));
    }
}
