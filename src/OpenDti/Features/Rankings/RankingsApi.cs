using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Domain.Values;
using OpenDti.Web;

namespace OpenDti.Features.Rankings;

/// <summary><c>/api/v1/rankings</c>: scores and ranks of every aggregate from the latest index run.</summary>
internal static class RankingsApi
{
    public static IServiceCollection AddRankings(this IServiceCollection services) =>
        services.AddScoped<RankingQueries>().AddScoped<IndexRunner>();

    public static IEndpointRouteBuilder MapRankingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/rankings").WithTags("Rankings")
            .MapGet("/", GetRanking)
            .WithSummary("Scores and ranks of a framework for a period / điểm và thứ hạng theo bộ chỉ số và kỳ")
            .WithDescription("framework: a framework code (e.g. DTI_PROVINCE); period: 2024, 2024Q1 or 2024-03. Each unit has a score and rank per aggregate (INDEX, pillars, groups) and, when an uncertainty run exists, the 5th–95th percentile rank interval; previousRank and rankChange (previous − current, positive = up) against the run named in comparedWith: the previous period on the same units, or re-expressed on this period's units when they changed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CachePublicly();
        app.MapRankingDownloads();
        return app;
    }

    public static async Task<Results<Ok<RankingTable>, ProblemHttpResult, ValidationProblem>> GetRanking(
        string? framework, string? period, RankingQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(framework))
        {
            errors["framework"] = ["Expected a framework code, e.g. DTI_PROVINCE; found nothing."];
        }

        if (!Period.TryParse(period, out var parsed))
        {
            errors["period"] = [$"Expected a period as 2024, 2024Q1 or 2024-03; found '{period}'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters");
        }

        var table = await queries.LatestAsync(framework!, parsed, cancellationToken);
        return table is null
            ? ApiProblems.NotFound($"No index run of '{framework}' for {parsed}: compute one with `OpenDti index run --framework {framework} --period {parsed}`.")
            : TypedResults.Ok(table);
    }
}
