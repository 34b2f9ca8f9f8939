using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Web;

namespace OpenDti.Features.Frameworks;

/// <summary><c>/api/v1/frameworks</c>: index frameworks, their versions and trees.</summary>
internal static class FrameworksApi
{
    public static IServiceCollection AddFrameworks(this IServiceCollection services) => services.AddScoped<FrameworkQueries>().AddScoped<IndicatorValues>();

    public static IEndpointRouteBuilder MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/frameworks").WithTags("Frameworks");
        group.MapGet("/", ListFrameworks).WithSummary("Index frameworks and their versions / các bộ chỉ số");
        group.MapGet("/{code}", GetFramework)
            .WithSummary("One framework version as a tree / cây chỉ số của một phiên bản")
            .WithDescription("version: a version label such as 2022; default the newest.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<FrameworkSummary>>> ListFrameworks(FrameworkQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));

    public static async Task<Results<Ok<FrameworkTree>, ProblemHttpResult>> GetFramework(
        string code, string? version, FrameworkQueries queries, CancellationToken cancellationToken)
    {
        var tree = await queries.GetAsync(code, version, cancellationToken);
        return tree is null
            ? ApiProblems.NotFound(version is null ? $"No framework has the code '{code}'." : $"The framework '{code}' has no version '{version}'.")
            : TypedResults.Ok(tree);
    }
}
