using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// <c>POST /api/v1/dossiers/ingestions</c>: a dossier export as the request body (text/csv), ingested at once
/// for a bearer token or an API key (a key scoped to a province may send that province's dossiers only);
/// <c>GET /api/v1/dossiers/ingestions/{id}</c>: an ingestion's status and progress (for scripts; the page reads the store itself).
/// </summary>
internal static class DossiersApi
{
    /// <summary>The largest export one request may carry.</summary>
    public const long MaxBytes = 2L << 30;

    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddScoped<DossierIngest>();
        services.AddSingleton<DossierIngestWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<DossierIngestWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dossiers/ingestions").WithTags("Dossiers");
        group.MapPost("/", PostAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes))
            .Accepts<string>("text/csv", "multipart/form-data")
            .WithSummary("Nạp tệp hồ sơ một cửa / ingest a one-stop-shop dossier export")
            .WithDescription("Body: the CSV export (columns in docs/dossier-kpis.md); or multipart/form-data with the export in a part named file and, optionally, a procedure catalogue in a part named catalogue (procedure_code, name, sector, service_level), which replaces the stored catalogue (a different catalogue needs data-entry rights for the nation). name: the file's name for messages; skipInvalid=true leaves bad rows out (listed in the answer) instead of refusing the file. Stores each dossier's latest state (a dossier sent again replaces its earlier state) and recomputes the monthly KPI values (PUBLIC_DOSSIERS_*) of the units and months the file touches, with source \"ingestion\" in the audit trail. All or nothing: a bad row (422, with line and column), a unit outside the caller's (403) or a concurrent write (409) writes nothing. Needs Authorization: Bearer or X-Api-Key, with data-entry or province-admin rights on every unit of the file.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:long}", GetAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .WithSummary("Tình trạng một lần nạp / an ingestion's status and progress")
            .WithDescription("Status (queued, running, succeeded, failed), bytes read of the total, rows, dossiers added and replaced, values written, and the problems. Only the person who started it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<IngestionStatus>, ProblemHttpResult>> PostAsync(
        HttpRequest request, string? name, bool? skipInvalid, CurrentActor current, DossierIngest ingest, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return TypedResults.Problem("Phiên đăng nhập hoặc khoá API không còn hiệu lực / the credentials no longer hold; sign in again.", statusCode: StatusCodes.Status401Unauthorized, title: "Chưa xác thực / not authenticated");
        }

        var fileName = Path.GetFileName(string.IsNullOrWhiteSpace(name) ? "body.csv" : name.Trim());
        var path = Path.Combine(Path.GetTempPath(), $"opendti-dossiers-{Guid.NewGuid():N}.csv");
        var cataloguePath = DossierIngestWorker.CatalogueSpoolPath(path);
        string? catalogueName = null;
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes }, cancellationToken);
                if (form.Files["file"] is not { } upload)
                {
                    return TypedResults.Problem("Thiếu phần file (tệp hồ sơ) / the part named file (the dossier export) is missing.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Tệp không hợp lệ / invalid file");
                }

                fileName = Path.GetFileName(string.IsNullOrWhiteSpace(name) ? upload.FileName : name.Trim());
                await using (var file = File.Create(path))
                {
                    await upload.CopyToAsync(file, cancellationToken);
                }

                if (form.Files["catalogue"] is { Length: > 0 } catalogue)
                {
                    catalogueName = Path.GetFileName(catalogue.FileName);
                    await using var file = File.Create(cataloguePath);
                    await catalogue.CopyToAsync(file, cancellationToken);
                }
            }
            else
            {
                await using var file = File.Create(path);
                await request.Body.CopyToAsync(file, cancellationToken);
            }

            var recordedAs = actor.AsActor(ValueSources.Ingestion) with { Channel = ValueSources.Ingestion };
            var ingestion = await ingest.CreateAsync(path, fileName, ValueSources.Api, recordedAs, skipInvalid == true, DossierIngestionStatus.Running, cancellationToken);
            var result = await ingest.RunAsync(ingestion, new DossierIngestRequest
            {
                Path = path,
                FileName = fileName,
                SkipInvalid = skipInvalid == true,
                CataloguePath = catalogueName is null ? null : cataloguePath,
                CatalogueName = catalogueName,
                Actor = actor,
                RecordedAs = recordedAs,
            }, cancellationToken);
            return result.Outcome == DossierIngestOutcome.Succeeded
                ? TypedResults.Ok(IngestionStatus.Of(ingestion, result))
                : Refused(result);
        }
        finally
        {
            File.Delete(path);
            File.Delete(cataloguePath);
        }
    }

    private static async Task<Results<Ok<IngestionStatus>, NotFound>> GetAsync(long id, CurrentActor current, OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        var ingestion = actor is null ? null : await db.DossierIngestions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.UserId == actor.User.Id, cancellationToken);
        return ingestion is null ? TypedResults.NotFound() : TypedResults.Ok(IngestionStatus.Of(ingestion, null));
    }

    private static ProblemHttpResult Refused(DossierIngestResult result)
    {
        var (status, title) = result.Outcome switch
        {
            DossierIngestOutcome.Forbidden => (StatusCodes.Status403Forbidden, "Không có quyền / forbidden"),
            DossierIngestOutcome.Conflict => (StatusCodes.Status409Conflict, "Xung đột / conflict"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Tệp không hợp lệ / invalid file"),
        };
        var detail = result.Outcome switch
        {
            DossierIngestOutcome.Forbidden when result.Problems is [{ Code: "catalogue.forbidden" }] =>
                "Thay danh mục thủ tục dùng chung cần quyền nhập số liệu cấp toàn quốc; không ghi gì. Gửi lại không kèm danh mục, hoặc kèm đúng danh mục đã lưu / replacing the shared procedure catalogue needs data-entry rights for the nation; nothing written. Send the file without a catalogue, or with the stored one.",
            DossierIngestOutcome.Forbidden =>
                $"Tệp có hồ sơ của đơn vị ngoài quyền của bạn; không ghi gì / the file holds dossiers of units outside yours; nothing written: {string.Join(", ", result.ForbiddenUnits.Take(20))}",
            _ => $"{result.ProblemCount} lỗi; không ghi gì / problems; nothing written. Sửa tệp hoặc gửi skipInvalid=true / fix the file or send skipInvalid=true.",
        };
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?>
        {
            ["ingestion"] = result.IngestionId,
            ["problemCount"] = result.ProblemCount,
            ["errors"] = result.Problems.Select(IngestionProblem.Of).ToList(),
        });
    }
}
