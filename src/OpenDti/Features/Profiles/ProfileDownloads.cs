using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Features.Geography;
using OpenDti.Web;

namespace OpenDti.Features.Profiles;

/// <summary>
/// <c>/units/{code}/profile.csv</c> and <c>.xlsx</c> (<c>?table=pillars|series|strengths|weaknesses|change|moveup[&amp;on=][&amp;framework=][&amp;period=]</c>):
/// each table of the profile section as a file, from the same profile as the page and the JSON API.
/// </summary>
internal static class ProfileDownloads
{
    public static IEndpointRouteBuilder MapProfileDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/units/{code}/profile." + TableExport.FormatSegment, DownloadAsync)
            .WithTags("Units")
            .WithSummary("A table of a unit's ranking profile as CSV or XLSX / một bảng của hồ sơ xếp hạng dạng CSV hoặc Excel")
            .WithDescription("format: csv or xlsx. table: pillars, series, strengths, weaknesses, change or moveup. on, framework and period as /api/v1/units/{code}/profile.")
            .CachePublicly();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        string code, string format, string? table, string? framework, string? on, string? period,
        UnitQueries queries, UnitProfiles profiles, TimeProvider time, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (table is null || !ProfileExport.Tables.Contains(table))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["table"] = [$"Expected one of {string.Join(", ", ProfileExport.Tables)}; found '{table}'."] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        var found = await ProfilesApi.GetProfile(code, framework, on, period, queries, profiles, time, cancellationToken);
        return found.Result switch
        {
            Ok<UnitProfile> { Value: { } profile } => ProfileExport.ToTable(profile, table, localizer)!.ToFile(format, ProfileExport.FileName(profile, table), table),
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("GetProfile returned an unexpected result."),
        };
    }
}
