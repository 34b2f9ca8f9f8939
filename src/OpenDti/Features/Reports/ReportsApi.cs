using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Features.Profiles;
using OpenDti.Web;

namespace OpenDti.Features.Reports;

/// <summary><c>/units/{code}/report.docx?year=YYYY[&amp;framework=][&amp;on=]</c>: a province's report for a year as a Word document, in Vietnamese.</summary>
internal static class ReportsApi
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddScoped<UnitReports>();

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/units/{code}/report.docx", GetReport)
            .WithTags("Units")
            .WithSummary("A province's report for a year as DOCX / báo cáo của một tỉnh theo năm dạng Word")
            .WithDescription("year: the ranking year (default the latest the unit was ranked in). framework: default DTI_PROVINCE. on: which unit of that code (yyyy-MM-dd). "
                + "In Vietnamese: ranks overall and per pillar with their change, the pillar table, the index by year, the strongest and weakest indicators, "
                + "why the rank changed, the Decision 749 indicators, and charts as PNG images; labelled on its first page when it shows demo data.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CachePublicly();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> GetReport(
        string code, string? year, string? framework, string? on, UnitReports reports, CancellationToken cancellationToken)
    {
        int? asked = null;
        if (year is not null)
        {
            if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { ["year"] = [$"Expected a year, e.g. 2025; found '{year}'."] },
                    title: "Tham số không hợp lệ / invalid parameters");
            }

            asked = parsed;
        }

        var frameworkCode = string.IsNullOrWhiteSpace(framework) ? ProfilesApi.DefaultFramework : framework;
        var built = await reports.BuildAsync(code, asked, frameworkCode, on, cancellationToken);
        return built.Result switch
        {
            Ok<UnitReport> { Value: { } report } => TypedResults.File(
                ReportDocument.Write(report),
                DocxContentType,
                $"bao-cao-{report.Profile.UnitCode}-{report.Profile.Framework}-{report.Profile.Period}.docx"),
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("BuildAsync returned an unexpected result."),
        };
    }
}
