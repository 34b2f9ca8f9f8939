using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Domain.Values;
using OpenDti.Features.Profiles;
using OpenDti.Web;

namespace OpenDti.Features.Compare;

/// <summary><c>/api/v1/compare</c>: two to five units side by side in one period's ranking.</summary>
internal static class CompareApi
{
    public static IServiceCollection AddCompare(this IServiceCollection services) => services.AddScoped<CompareQueries>();

    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/compare").WithTags("Rankings")
            .MapGet("/", GetComparison)
            .WithSummary("Two to five units side by side / so sánh hai đến năm đơn vị")
            .WithDescription("units: 2 to 5 distinct codes separated by commas (e.g. 01,79,48) of units ranked in the period. framework: default DTI_PROVINCE. period: a year, default the latest ranked. "
                + "Returns every aggregate's score and rank per unit (as /api/v1/rankings) and every indicator's value, with the units that have the best value.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CachePublicly();
        app.MapCompareDownloads();
        return app;
    }

    public static async Task<Results<Ok<CompareTable>, ProblemHttpResult, ValidationProblem>> GetComparison(
        string? units, string? framework, string? period, CompareQueries queries, CancellationToken cancellationToken)
    {
        var frameworkCode = framework ?? ProfilesApi.DefaultFramework;
        Period chosen;
        if (period is null)
        {
            var periods = await queries.PeriodsAsync(frameworkCode, cancellationToken);
            if (periods.Count == 0)
            {
                return ApiProblems.NotFound($"No index run of '{frameworkCode}': compute one with `OpenDti index run --framework {frameworkCode} --period YEAR`.");
            }

            chosen = periods[0];
        }
        else if (!Period.TryParse(period, out chosen))
        {
            return Invalid("period", $"Expected a period as 2024; found '{period}'.");
        }

        var (table, problem) = await queries.CompareAsync(frameworkCode, chosen, CompareQueries.ParseCodes([units]), cancellationToken);
        if (problem is not null)
        {
            return Invalid("units", problem);
        }

        return table is null
            ? ApiProblems.NotFound($"No index run of '{frameworkCode}' for {chosen}: compute one with `OpenDti index run --framework {frameworkCode} --period {chosen}`.")
            : TypedResults.Ok(table);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Tham số không hợp lệ / invalid parameters");
}
