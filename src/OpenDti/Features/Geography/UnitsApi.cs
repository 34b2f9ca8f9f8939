using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Domain.Geography;
using OpenDti.Features.Frameworks;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary><c>/api/v1/units</c>: reporting units on a date, with their predecessors and successors.</summary>
internal static class UnitsApi
{
    /// <summary>The framework whose indicators a unit shows by default: the Decision 749 targets.</summary>
    public const string DefaultFramework = "CT749";

    public static IServiceCollection AddGeography(this IServiceCollection services) => services.AddScoped<UnitQueries>().AddUnitImport();

    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units").WithTags("Units");
        group.MapGet("/", ListUnits)
            .WithSummary("Units valid on a date / đơn vị hành chính theo ngày")
            .WithDescription("level: nation, province, district, commune, organisation. on: yyyy-MM-dd, default today (Vietnam time). Before 2025-07-01 there are 63 provinces, from then on 34.");
        group.MapGet("/{code}", GetUnit)
            .WithSummary("One unit with its predecessors and successors / một đơn vị và các đơn vị trước, sau")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/indicators", GetUnitIndicators)
            .WithSummary("A unit's indicator values by year / giá trị chỉ số của một đơn vị theo năm")
            .WithDescription("framework: a framework code, default CT749. on: which unit of that code (yyyy-MM-dd). The response's notice says \"dữ liệu minh họa / demo data\" when any value is demo data.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<UnitIndicatorTable>, ProblemHttpResult, ValidationProblem>> GetUnitIndicators(
        string code, string? framework, string? on, UnitQueries queries, IndicatorValues indicators, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await GetUnit(code, on, queries, time, cancellationToken);
        if (found.Result is not Ok<UnitDetail> { Value: { } unit })
        {
            return found.Result switch
            {
                ValidationProblem invalid => invalid,
                ProblemHttpResult problem => problem,
                _ => throw new InvalidOperationException("GetUnit returned an unexpected result."),
            };
        }

        var frameworkCode = framework ?? DefaultFramework;
        var table = await indicators.ForUnitAsync(unit.Id, frameworkCode, cancellationToken);
        return table is null ? ApiProblems.NotFound($"No framework has the code '{frameworkCode}'.") : TypedResults.Ok(table);
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
