using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Templates for a (data set, period): <c>GET /data/{dataSet}/{period}/template.xlsx|csv[?units=]</c> for a
/// signed-in person, the same under <c>/api/v1/datasets/{code}/template.xlsx|csv?period=&amp;units=</c> for a
/// bearer token or an API key, and <c>POST /api/v1/datasets/{code}/upload?period=[&amp;overwrite=true]</c>
/// (multipart, field <c>file</c>). The upload page is <see cref="UploadModel"/>.
/// </summary>
internal static class TemplatesApi
{
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TemplateQueries>().AddScoped<TemplateImport>();

        // The page's form is read before its handler runs (antiforgery reads it), so its limits are set on the page.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<UploadLimits>>((pages, limits) =>
            pages.Conventions.AddPageApplicationModelConvention(UploadModel.PagePath, model =>
            {
                model.Filters.Add(new RequestSizeLimitAttribute(UploadReader.BodyLimit(limits.Value)));
                model.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = UploadReader.BodyLimit(limits.Value) });
            }));
        return services;
    }

    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/data/{dataSet}/{period}/template.xlsx", (string dataSet, string period, string? units, CurrentActor current, TemplateQueries queries, CancellationToken cancellationToken) =>
            DownloadAsync(dataSet, period, units, "xlsx", current, queries, cancellationToken)).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/data/{dataSet}/{period}/template.csv", (string dataSet, string period, string? units, CurrentActor current, TemplateQueries queries, CancellationToken cancellationToken) =>
            DownloadAsync(dataSet, period, units, "csv", current, queries, cancellationToken)).RequireAuthorization().ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/datasets/{code}").WithTags("Templates")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser());
        api.MapGet("/template.xlsx", (string code, string? period, string? units, CurrentActor current, TemplateQueries queries, CancellationToken cancellationToken) =>
                DownloadAsync(code, period, units, "xlsx", current, queries, cancellationToken))
            .WithSummary("Mẫu Excel / XLSX template")
            .WithDescription("period: the period (2025). units: comma-separated unit codes (default: every unit you may enter that reports the data set). Pre-filled with the current values; the hidden sheet _meta keeps each value's version for conflict detection on upload. Layout: docs/templates.md.")
            .Produces(StatusCodes.Status200OK, contentType: TableExport.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/template.csv", (string code, string? period, string? units, CurrentActor current, TemplateQueries queries, CancellationToken cancellationToken) =>
                DownloadAsync(code, period, units, "csv", current, queries, cancellationToken))
            .WithSummary("Mẫu CSV / CSV template")
            .WithDescription("UTF-8 with BOM, one row per (unit, measure): unit, unit_name, measure, measure_name, period, value, comment, version.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/upload", UploadAsync)
            .DisableAntiforgery()
            .WithSummary("Tải lên mẫu đã điền / upload a filled template")
            .WithDescription("multipart/form-data with the field file (.xlsx or .csv); period: the period; overwrite=true writes over values changed since the template was downloaded (audited). All or nothing: any problem refuses the whole file with every problem listed (sheet, row, column, expected, found) and writes nothing.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string dataSet, string? period, string? units, string format, CurrentActor current, TemplateQueries queries, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return Unauthenticated();
        }

        var (content, refusal) = await queries.LoadAsync(dataSet, period, units, actor, cancellationToken);
        if (refusal is not null)
        {
            return Problem(refusal);
        }

        return format == "xlsx"
            ? TypedResults.File(TemplateWorkbook.Write(content!, UploadPath(content!)), TableExport.XlsxContentType, content!.FileStem + ".xlsx")
            : TypedResults.File(TemplateCsv.Write(content!), TableExport.CsvContentType, content!.FileStem + ".csv");
    }

    private static async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> UploadAsync(
        string code, string? period, bool? overwrite, HttpContext http, CurrentActor current, TemplateImport import, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return Unauthenticated();
        }

        var (file, problem) = await UploadReader.ReadAsync(http, limits.Value, cancellationToken);
        switch (problem)
        {
            case UploadProblem.TooLarge:
                return TooLarge(limits.Value);
            case UploadProblem.NotMultipart:
                return TypedResults.Problem("Cần multipart/form-data với trường file / expected multipart/form-data with the field file.", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ / bad request");
            case UploadProblem.NoFile:
                return TypedResults.Problem("Cần trường file chứa tệp .xlsx hoặc .csv / expected the field file with an .xlsx or .csv file.", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ / bad request");
        }

        await using var stream = file!.OpenReadStream();
        var outcome = await import.ImportAsync(new UploadRequest(stream, file.Length, file.FileName, code, period, overwrite == true), actor, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(new UploadResponse(outcome.FileName, outcome.Written, outcome.Unchanged, outcome.Breaches))
            : Refused(outcome);
    }

    /// <summary>The problem details of a refused upload: the worst problem's status, and every problem in file order.</summary>
    public static ProblemHttpResult Refused(UploadOutcome outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            return Problem(refusal);
        }

        var errors = outcome.Problems.Select(p => new UploadError(
            p.Problem.Place.Sheet, p.Problem.Place.Row, p.Problem.Place.Column, p.Problem.Place.Field, p.Problem.Code, p.Problem.Expected, p.Problem.Found, p.CurrentValue, p.CurrentVersion)).ToList();
        return TypedResults.Problem(
            $"Tệp {outcome.FileName}: {errors.Count} lỗi, không giá trị nào được ghi / {errors.Count} problem(s); nothing was written.",
            statusCode: outcome.Status,
            title: Title(outcome.Status),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["file"] = outcome.FileName, ["errors"] = errors });
    }

    public static string UploadPath(TemplateContent content) => $"/data/{content.DataSet.DataSet.Code}/{content.Period}/upload";

    private static ProblemHttpResult Problem(TemplateRefusal refusal) =>
        TypedResults.Problem(refusal.Detail, statusCode: refusal.Status, title: Title(refusal.Status));

    private static ProblemHttpResult TooLarge(UploadLimits limits) => TypedResults.Problem(
        $"Tệp quá lớn: tối đa {limits.MaxBytes >> 20} MB / the file is too large: at most {limits.MaxBytes >> 20} MB.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Title(StatusCodes.Status413PayloadTooLarge));

    private static ProblemHttpResult Unauthenticated() => TypedResults.Problem(
        "Phiên đăng nhập hoặc khoá API không còn hiệu lực / the credentials no longer hold; sign in again.",
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Chưa xác thực / not authenticated");

    private static string Title(int status) => status switch
    {
        StatusCodes.Status403Forbidden => "Không có quyền / forbidden",
        StatusCodes.Status404NotFound => "Không tìm thấy / not found",
        StatusCodes.Status409Conflict => "Xung đột hoặc đã khoá / conflict or locked",
        StatusCodes.Status413PayloadTooLarge => "Tệp quá lớn / file too large",
        StatusCodes.Status422UnprocessableEntity => "Số liệu không hợp lệ / invalid values",
        _ => "Yêu cầu không hợp lệ / bad request",
    };

    /// <summary>A file taken whole: values changed, values already as given, rules the values now break.</summary>
    public sealed record UploadResponse(string File, int Written, int Unchanged, IReadOnlyList<RuleBreach> Breaches);

    /// <summary>One problem of a refused file: sheet (none for CSV), row, column letter, the column's header, what was expected and found; for a conflict, the newer value and its version.</summary>
    public sealed record UploadError(string? Sheet, int? Row, string? Column, string? Header, string Code, string Expected, string? Found, double? CurrentValue, Guid? CurrentVersion);
}
