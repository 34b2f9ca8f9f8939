using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Targets;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry.Templates;
using OpenDti.Features.Submissions;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// <c>/api/v1/targets</c>: programme documents and targets, each target's progress in every unit it is set
/// for, the dashboard, the lagging list and a unit's targets — all public reads — and, for a bearer token or
/// an API key only (never the cookie), recording a document or a target.
/// </summary>
internal static class TargetsApi
{
    public static IServiceCollection AddTargets(this IServiceCollection services) =>
        services.AddScoped<TargetSeries>().AddScoped<TargetQueries>().AddScoped<TargetEditing>().AddScoped<TargetImport>();

    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/targets").WithTags("Targets");
        group.MapGet("/", ListAsync)
            .WithSummary("Chỉ tiêu / targets with their status counts")
            .WithDescription("Filters: document (id), pillar (digital-government, digital-economy, digital-society, foundation). Each target with how many units are achieved, on-track, at-risk, off-track or no-data.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/dashboard", DashboardAsync)
            .WithSummary("Bảng theo dõi chương trình / the programme dashboard")
            .WithDescription("The documents, and the targets by pillar with the status counts of each pillar.");
        group.MapGet("/documents", DocumentsAsync)
            .WithSummary("Văn bản chương trình / programme documents")
            .WithDescription("Every document, national first, with its parent (the document it makes concrete) and its number of targets.");
        group.MapGet("/lagging", LaggingAsync)
            .WithSummary("Đơn vị chậm tiến độ / units at risk or off track")
            .WithDescription("pillar: one pillar (the sector). unit: a unit code (the locality): its own rows and those of units under it. Worst first (lowest pace ratio).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:int}", GetAsync)
            .WithSummary("Một chỉ tiêu / one target")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}/progress", ProgressAsync)
            .WithSummary("Tiến độ của một chỉ tiêu / a target's progress in every unit it is set for")
            .WithDescription("Units ranked by the share of the target achieved, each with the latest value and period, the baseline, the paces seen and needed (CAGR or linear), the pace ratio, the status and the forecast to the deadline with its 95 % prediction interval (3 values or more). For the 34 provinces, years before 1 July 2025 use their predecessors' figures re-expressed on the new boundaries (isReexpressed). The method: docs/targets.md.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGroup("/api/v1/units").WithTags("Units")
            .MapGet("/{code}/targets", UnitTargetsAsync)
            .WithSummary("Chỉ tiêu của một đơn vị / a unit's targets and its progress")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapTargetDownloads();
        return app;
    }

    /// <summary>The writes: outside the cross-origin read group, for a bearer token or an API key only.</summary>
    public static IEndpointRouteBuilder MapTargetWritesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/targets")
            .WithTags("Targets")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/documents", AddDocumentAsync)
            .WithSummary("Thêm văn bản / record a programme document")
            .WithDescription("Body: number, title, titleEn, kind (decision, resolution, plan, project, other), issuer, issuedOn (YYYY-MM-DD), scopeUnit (unit code), parentId, link, source. Needs the right to administer the scope unit (province-admin of that province, national-admin). 201 with the id.");
        group.MapPost("/", AddTargetAsync)
            .WithSummary("Thêm chỉ tiêu / record a target")
            .WithDescription("Body: documentId, code, pillar, name, nameEn, unitOfMeasure, framework + indicator or measure, scope (unit, every-province, nation), scopeUnit, baselineValue + baselineYear, targetValue, deadlineYear, comparison (at-least, at-most, exactly, more-than), source. Needs the right to administer the document's unit and the target's unit (within the document's unit). 201 with the id; 404 for an unknown document.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/import", ImportAsync)
            .WithSummary("Nhập chỉ tiêu từ Excel / import targets from an XLSX file")
            .WithDescription("multipart/form-data with file: an XLSX file whose first sheet has a header row with the fields of POST /api/v1/targets (documentId, code, pillar, name, …), one target per row. All or nothing: any problem (row, column, expected, found) and nothing is written. 200 with the ids.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<TargetList>, ValidationProblem>> ListAsync(int? document, string? pillar, TargetQueries queries, CancellationToken cancellationToken)
    {
        string? wanted = null;
        if (pillar is not null && !TargetTerms.TryParsePillar(pillar, out wanted))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["pillar"] = [TargetEditing.Expected(string.Join(", ", TargetTerms.Pillars), pillar)] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        var targets = await queries.ListAsync(document, wanted, cancellationToken);
        return TypedResults.Ok(new TargetList
        {
            Notice = targets.Any(t => t.IsDemo) ? Frameworks.IndicatorValues.DemoNotice : null,
            AssessedIn = queries.AssessedIn,
            Targets = targets,
        });
    }

    public static async Task<Ok<TargetDashboard>> DashboardAsync(TargetQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.DashboardAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<PolicyDocumentSummary>>> DocumentsAsync(TargetQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.DocumentsAsync(cancellationToken));

    public static async Task<Results<Ok<TargetSummary>, ProblemHttpResult>> GetAsync(int id, TargetQueries queries, CancellationToken cancellationToken)
    {
        var table = await queries.ProgressAsync(id, cancellationToken);
        return table is null ? NoSuchTarget(id) : TypedResults.Ok(table.Target);
    }

    public static async Task<Results<Ok<TargetProgressTable>, ProblemHttpResult>> ProgressAsync(int id, TargetQueries queries, CancellationToken cancellationToken)
    {
        var table = await queries.ProgressAsync(id, cancellationToken);
        return table is null ? NoSuchTarget(id) : TypedResults.Ok(table);
    }

    public static async Task<Results<Ok<LaggingList>, ValidationProblem>> LaggingAsync(
        string? pillar, string? unit, TargetQueries queries, UnitDirectory units, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? wanted = null;
        if (pillar is not null && !TargetTerms.TryParsePillar(pillar, out wanted))
        {
            errors["pillar"] = [TargetEditing.Expected(string.Join(", ", TargetTerms.Pillars), pillar)];
        }

        var within = unit is null ? null : await units.FindAsync(unit, time.Today(), cancellationToken);
        if (unit is not null && within is null)
        {
            errors["unit"] = [TargetEditing.Expected("mã đơn vị / a unit code", unit)];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters");
        }

        var rows = await queries.LaggingAsync(wanted, within?.Id, cancellationToken);
        return TypedResults.Ok(new LaggingList
        {
            Notice = rows.Any(r => r.Progress.IsDemo) ? Frameworks.IndicatorValues.DemoNotice : null,
            AssessedIn = queries.AssessedIn,
            Pillar = wanted,
            Unit = within?.Code.Value,
            Rows = rows,
        });
    }

    public static async Task<Results<Ok<UnitTargets>, ProblemHttpResult>> UnitTargetsAsync(
        string code, TargetQueries queries, UnitDirectory units, TimeProvider time, CancellationToken cancellationToken)
    {
        var unit = await units.FindAsync(code, time.Today(), cancellationToken);
        return unit is null
            ? ApiProblems.NotFound($"Không có đơn vị mã '{code}' / no unit with code '{code}'.")
            : TypedResults.Ok(await queries.ForUnitAsync(unit, cancellationToken));
    }

    public static async Task<Results<Created<WrittenId>, ProblemHttpResult, ValidationProblem>> AddDocumentAsync(
        [FromBody] PolicyDocumentRequest request, CurrentActor current, TargetEditing editing, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        return ToResult(await editing.AddDocumentAsync(actor, request, cancellationToken), "/api/v1/targets/documents");
    }

    public static async Task<Results<Created<WrittenId>, ProblemHttpResult, ValidationProblem>> AddTargetAsync(
        [FromBody] TargetRequest request, CurrentActor current, TargetEditing editing, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        return ToResult(await editing.AddTargetAsync(actor, request, cancellationToken), "/api/v1/targets/");
    }

    /// <remarks>The file is read by <see cref="UploadReader"/> after the caller is known (401 before 415, size before body).</remarks>
    public static async Task<Results<Ok<ImportedTargets>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpContext http, CurrentActor current, TargetImport import, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(limits);
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var (file, problem) = await UploadReader.ReadAsync(http, limits.Value, cancellationToken);
        if (problem == UploadProblem.TooLarge)
        {
            return TooLarge(limits.Value);
        }

        if (file is null)
        {
            return NoFile();
        }

        if (file.Length > limits.Value.MaxBytes)
        {
            return TooLarge(limits.Value);
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(actor, file.FileName, stream, cancellationToken);
        return result.IsForbidden
            ? Forbidden()
            : result.Errors.Count > 0
                ? TypedResults.ValidationProblem(result.Errors, title: "Tệp không hợp lệ, không có gì được ghi / invalid file, nothing was written")
                : TypedResults.Ok(new ImportedTargets { Ids = result.Ids });
    }

    private static ValidationProblem NoFile() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [TargetEditing.Expected("một tệp XLSX trong trường file (multipart/form-data) / an XLSX file in field file (multipart/form-data)", null)] },
        title: "Tệp không hợp lệ / invalid file");

    private static ProblemHttpResult TooLarge(UploadLimits limits) => TypedResults.Problem(
        $"Tệp quá lớn: tối đa {limits.MaxBytes >> 20} MB; không ghi gì / the file is too large: at most {limits.MaxBytes >> 20} MB; nothing was written.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Tệp quá lớn / file too large");

    private static Results<Created<WrittenId>, ProblemHttpResult, ValidationProblem> ToResult(TargetWriteResult result, string path) =>
        result switch
        {
            { IsForbidden: true } => Forbidden(),
            { IsNotFound: true } => ApiProblems.NotFound("Không có văn bản này / no such document (GET /api/v1/targets/documents)."),
            { Id: { } id } => TypedResults.Created(path.TrimEnd('/') + "/" + id, new WrittenId(id)),
            _ => TypedResults.ValidationProblem(result.Errors, title: "Dữ liệu không hợp lệ, không có gì được ghi / invalid input, nothing was written"),
        };

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(
            "Bạn không có quyền quản trị đơn vị này / you may not administer this unit: a province-admin records targets for their own province only.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Không được phép / forbidden");

    private static ProblemHttpResult NotAuthenticated() =>
        TypedResults.Problem("Cần đăng nhập / sign in first.", statusCode: StatusCodes.Status401Unauthorized, title: "Chưa đăng nhập / not signed in");

    private static ProblemHttpResult NoSuchTarget(int id) =>
        ApiProblems.NotFound($"Không có chỉ tiêu số {id} / no target {id} (GET /api/v1/targets).");
}

/// <summary>The targets, with the demo notice and the year statuses are judged in.</summary>
public sealed record TargetList
{
    public string? Notice { get; init; }

    public required int AssessedIn { get; init; }

    public required IReadOnlyList<TargetSummary> Targets { get; init; }
}

/// <summary>The units at risk or off track.</summary>
public sealed record LaggingList
{
    public string? Notice { get; init; }

    public required int AssessedIn { get; init; }

    public string? Pillar { get; init; }

    public string? Unit { get; init; }

    public required IReadOnlyList<UnitTargetRow> Rows { get; init; }
}

/// <summary>The identity of what was recorded.</summary>
public sealed record WrittenId(int Id);

/// <summary>The identities of the targets an import recorded, in the file's order.</summary>
public sealed record ImportedTargets
{
    public required IReadOnlyList<int> Ids { get; init; }
}
