using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Features.Accounts;
using OpenDti.Features.Submissions;
using OpenDti.Web;

namespace OpenDti.Features.Audit;

/// <summary>
/// <c>GET /api/v1/audit?unit=&amp;measure=&amp;period=&amp;page=</c> (bearer token or API key) and the trail as
/// <c>/data/audit.csv</c> and <c>/data/audit.xlsx</c> (signed in). Only reads: the audit trail has no
/// endpoint that changes it, and the store refuses UPDATE and DELETE on it.
/// </summary>
internal static class AuditApi
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditQueries>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", GetAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .WithTags("Audit")
            .WithSummary("Nhật ký thay đổi / the audit trail of a unit or of one value")
            .WithDescription("unit (required), measure and period (optional), page (1-based, 50 changes a page). Value changes newest first — who, when, channel, address, old and new value and comment, reason — and the steps of the unit's submissions. 404 when the caller may not read the unit.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/data/audit.csv", (string? unit, string? measure, string? period, CurrentActor current, AuditQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                DownloadAsync(unit, measure, period, "csv", current, queries, localizer, cancellationToken))
            .RequireAuthorization()
            .ExcludeFromDescription();
        app.MapGet("/data/audit.xlsx", (string? unit, string? measure, string? period, CurrentActor current, AuditQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                DownloadAsync(unit, measure, period, "xlsx", current, queries, localizer, cancellationToken))
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<AuditTrail>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string? unit, string? measure, string? period, string? page, CurrentActor current, AuditQueries queries, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return SubmissionsApi.NotAuthenticated();
        }

        var number = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["page"] = [$"Cần số trang từ 1 / expected a page number from 1; nhận được / found '{page}'."] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        var lookup = await queries.FindAsync(unit, measure, period, actor, cancellationToken);
        if (lookup.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(lookup.Errors.ToDictionary(), title: "Tham số không hợp lệ / invalid parameters");
        }

        return lookup.Subject is { } subject
            ? TypedResults.Ok(await queries.TrailAsync(subject, number, AuditQueries.PageSize, cancellationToken))
            : ApiProblems.NotFound($"Không có đơn vị mã '{unit}' mà bạn được xem / no unit '{unit}' that you may read.");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ChallengeHttpResult>> DownloadAsync(
        string? unit, string? measure, string? period, string format, CurrentActor current, AuditQueries queries, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return TypedResults.Challenge();
        }

        var lookup = await queries.FindAsync(unit, measure, period, actor, cancellationToken);
        if (lookup.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(lookup.Errors.ToDictionary(), title: "Tham số không hợp lệ / invalid parameters");
        }

        if (lookup.Subject is not { } subject)
        {
            return TypedResults.NotFound();
        }

        var (changes, events) = await queries.AllAsync(subject, cancellationToken);
        var table = AuditExport.ToTable(changes, events, localizer);
        var name = AuditExport.FileName(subject);
        return format == "xlsx"
            ? TypedResults.File(table.ToXlsx("audit"), TableExport.XlsxContentType, name + ".xlsx")
            : TypedResults.File(table.ToCsv(), TableExport.CsvContentType, name + ".csv");
    }
}
