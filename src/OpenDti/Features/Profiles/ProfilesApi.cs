using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Features.Geography;
using OpenDti.Features.Rankings;
using OpenDti.Web;

namespace OpenDti.Features.Profiles;

/// <summary><c>/api/v1/units/{code}/profile</c>: a unit's ranks, scores and their explanations.</summary>
internal static class ProfilesApi
{
    /// <summary>The framework a profile shows by default: the provincial DTI.</summary>
    public const string DefaultFramework = "DTI_PROVINCE";

    public static IServiceCollection AddProfiles(this IServiceCollection services) =>
        services.AddScoped<RunReplay>().AddScoped<UnitProfiles>();

    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/units").WithTags("Units")
            .MapGet("/{code}/profile", GetProfile)
            .WithSummary("A unit's ranking profile / hồ sơ xếp hạng của một đơn vị")
            .WithDescription("framework: default DTI_PROVINCE. on: which unit of that code (yyyy-MM-dd). period: the last year to show (default the latest ranked). "
                + "Returns the latest year's index and pillar scores and ranks, the index by year (for years before the unit existed, its predecessors' ranks among the units of that year), "
                + "strengths and weaknesses (the 3 indicators furthest above and below the median of all ranked units, in normalised points), "
                + "the index change since the previous year by indicator, and the smallest single-indicator rises that lift the unit one rank, all else equal.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CachePublicly();
        app.MapProfileDownloads();
        return app;
    }

    public static async Task<Results<Ok<UnitProfile>, ProblemHttpResult, ValidationProblem>> GetProfile(
        string code, string? framework, string? on, string? period, UnitQueries queries, UnitProfiles profiles, TimeProvider time, CancellationToken cancellationToken)
    {
        int? upTo = null;
        if (period is not null)
        {
            if (!int.TryParse(period, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || period.Length != 4)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["period"] = [$"Expected a year, e.g. 2024; found '{period}'."] },
                    title: "Tham số không hợp lệ / invalid parameters");
            }

            upTo = year;
        }

        var found = await UnitsApi.GetUnit(code, on, queries, time, cancellationToken);
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
        var profile = await profiles.ForUnitAsync(unit.Id, frameworkCode, upTo, cancellationToken);
        return profile is null
            ? ApiProblems.NotFound($"{unit.Name} ({unit.Code}) has no ranking in '{frameworkCode}'{(upTo is null ? string.Empty : $" up to {upTo}")}: compute one with `OpenDti index run --framework {frameworkCode} --period YEAR`.")
            : TypedResults.Ok(profile);
    }
}
