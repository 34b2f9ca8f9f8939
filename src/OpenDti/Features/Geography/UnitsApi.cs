using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Domain.Geography;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary><c>/api/v1/units</c>: reporting units on a date, with their predecessors and successors.</summary>
internal static class UnitsApi
{
    public static IServiceCollection AddGeography(this IServiceCollection services) => services.AddScoped<UnitQueries>();

    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units").WithTags("Units");
        group.MapGet("/", ListUnits)
            .WithSummary("Units valid on a date / đơn vị hành chính theo ngày")
            .WithDescription("level: nation, province, district, commune, organisation. on: yyyy-MM-dd, default today (Vietnam time). Before 2025-07-01 there are 63 provinces, from then on 34.");
        group.MapGet("/{code}", GetUnit)
            .WithSummary("One unit with its predecessors and successors / một đơn vị và các đơn vị trước, sau")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<UnitSummary>>, ValidationProblem>> ListUnits(
        string? level, string? on, UnitQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        UnitLevel? wantedLevel = null;
        if (level is not null)
        {
            if (UnitLevels.TryParse(level, out var parsed))
            {
                wantedLevel = parsed;
            }
            else
            {
                errors["level"] = [$"Expected one of {string.Join(", ", UnitLevels.Names)}; found '{level}'."];
            }
        }

        var date = time.Today();
        if (on is not null && !QueryDate.TryParse(on, out date))
        {
            errors["on"] = [$"Expected a date as {QueryDate.Format}; found '{on}'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters");
        }

        return TypedResults.Ok(await queries.ListAsync(wantedLevel, date, cancellationToken));
    }

    public static async Task<Results<Ok<UnitDetail>, ProblemHttpResult, ValidationProblem>> GetUnit(
        string code, string? on, UnitQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        DateOnly? date = null;
        if (on is not null)
        {
            if (!QueryDate.TryParse(on, out var parsed))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["on"] = [$"Expected a date as {QueryDate.Format}; found '{on}'."] },
                    title: "Tham số không hợp lệ / invalid parameters");
            }

            date = parsed;
        }

        var unit = UnitCode.IsValid(code)
            ? await queries.FindAsync(new UnitCode(code), date, time.Today(), cancellationToken)
            : null;
        return unit is null
            ? ApiProblems.NotFound($"No unit has the code '{code}'{(date is null ? string.Empty : $" on {date.Value.ToIso()}")}.")
            : TypedResults.Ok(unit);
    }
}
