using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Web;

namespace OpenDti.Features.Submissions;

/// <summary>
/// <c>GET /api/v1/completeness?dataSet=&amp;period=</c> (bearer token or API key) and the page's table as
/// <c>/data/completeness.csv</c> and <c>/data/completeness.xlsx</c> (signed in), each limited to the units
/// the caller may read.
/// </summary>
internal static class CompletenessApi
{
    public static IEndpointRouteBuilder MapCompletenessApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/completeness", GetAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .WithTags("Submissions")
            .WithSummary("Tình hình nộp số liệu / who has reported a data set for a period")
            .WithDescription("dataSet (code, required), period (default: the latest period that has ended). Every unit that must report and that the caller may read: status (not-started, draft, submitted, returned, approved), late (past the deadline, Vietnam time, and not submitted or approved), counts overall and per province, the deadline and the days left.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapGet("/data/completeness.csv", (string? dataSet, string? period, CurrentActor current, DataSetCatalog catalog, CompletenessQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                DownloadAsync(dataSet, period, "csv", current, catalog, queries, localizer, cancellationToken))
            .RequireAuthorization()
            .ExcludeFromDescription();
        app.MapGet("/data/completeness.xlsx", (string? dataSet, string? period, CurrentActor current, DataSetCatalog catalog, CompletenessQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
                DownloadAsync(dataSet, period, "xlsx", current, catalog, queries, localizer, cancellationToken))
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<CompletenessReport>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string? dataSet, string? period, CurrentActor current, DataSetCatalog catalog, CompletenessQueries queries, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return SubmissionsApi.NotAuthenticated();
        }

        var (set, wanted, errors) = await ParseAsync(dataSet, period, catalog, queries, cancellationToken);
        return errors is not null
            ? TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters")
            : TypedResults.Ok(await queries.GetAsync(set!, wanted, actor, cancellationToken));
    }

    /// <summary>Reads the data set and period of a request; the period defaults to the latest that has ended.</summary>
    public static async Task<(DataSetView? DataSet, Period Period, Dictionary<string, string[]>? Errors)> ParseAsync(
        string? dataSet, string? period, DataSetCatalog catalog, CompletenessQueries queries, CancellationToken cancellationToken)
    {
        var set = string.IsNullOrWhiteSpace(dataSet) ? null : await catalog.FindAsync(dataSet.Trim(), cancellationToken);
        if (set is null)
        {
            return (null, default, new(StringComparer.Ordinal) { ["dataSet"] = [$"Cần mã bộ số liệu / expected the code of a data set (GET /api/v1/datasets); nhận được / found '{dataSet}'."] });
        }

        if (string.IsNullOrWhiteSpace(period))
        {
            return (set, queries.LatestEnded(set), null);
        }

        return Period.TryParse(period.Trim(), out var parsed) && parsed.Type == set.DataSet.PeriodType
            ? (set, parsed, null)
            : (set, default, new(StringComparer.Ordinal) { ["period"] = [$"Cần một kỳ {set.DataSet.PeriodType.ToString().ToLowerInvariant()} của {set.DataSet.Code} (2024, 2024Q1 hoặc 2024-03) / expected a {set.DataSet.PeriodType.ToString().ToLowerInvariant()} period; nhận được / found '{period}'."] });
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ChallengeHttpResult>> DownloadAsync(
        string? dataSet, string? period, string format, CurrentActor current, DataSetCatalog catalog, CompletenessQueries queries, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return TypedResults.Challenge();
        }

        var (set, wanted, errors) = await ParseAsync(dataSet, period, catalog, queries, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters");
        }

        var report = await queries.GetAsync(set!, wanted, actor, cancellationToken);
        var table = ToTable(report, localizer);
        var name = $"completeness-{report.DataSet}-{report.Period}";
        return format == "xlsx"
            ? TypedResults.File(table.ToXlsx(report.Period), TableExport.XlsxContentType, name + ".xlsx")
            : TypedResults.File(table.ToCsv(), TableExport.CsvContentType, name + ".csv");
    }

    /// <summary>The page's table for download, headers and statuses in the request's language.</summary>
    public static TableExport ToTable(CompletenessReport report, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<string> header =
        [
            localizer["Province code"], localizer["Province or city"], localizer["Unit code"], localizer["Unit"], localizer["Status"], localizer["Late"],
            localizer["Submitted at (Vietnam time)"], localizer["Last change (Vietnam time)"], localizer["Deadline"],
        ];
        var rows = report.Units.Select(r => (IReadOnlyList<object?>)new object?[]
        {
            r.Province, r.ProvinceName, r.Unit, r.UnitName, ReviewText.StatusLabel(localizer, r.Status), r.IsLate ? localizer["Yes"].Value : localizer["No"].Value,
            r.SubmittedAtUtc is { } submitted ? ReviewText.IsoTime(submitted) : null,
            r.UpdatedAtUtc is { } updated ? ReviewText.IsoTime(updated) : null,
            report.Deadline.ToIso(),
        }).ToList();
        return new TableExport(header, rows);
    }
}
