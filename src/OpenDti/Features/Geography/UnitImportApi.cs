using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;

namespace OpenDti.Features.Geography;

/// <summary><c>POST /api/v1/units/import</c>: a CSV of communes and organisations in the body, all or nothing.</summary>
internal static class UnitImportApi
{
    public static IServiceCollection AddUnitImport(this IServiceCollection services) => services.AddScoped<UnitImport>();

    public static IEndpointRouteBuilder MapUnitImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/units/import", ImportAsync)
            .WithTags("Units")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .Accepts<string>("text/csv")
            .WithSummary("Nạp xã, phường, tổ chức từ CSV / import communes and organisations from CSV")
            .WithDescription("Body: a UTF-8 CSV (BOM optional) with the columns code,name,level,parent_code,valid_from[,name_en]; level is commune or organisation; valid_from is yyyy-MM-dd; the parent must be in force on that date. All or nothing: any problem refuses the whole file with every problem listed (row, column, expected, found). For a national administrator, or a province administrator for units under their province.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Results<Ok<UnitImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, CurrentActor current, UnitImport import, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        if (!actor.HasAnywhere(Ability.Administer))
        {
            return TypedResults.Problem(
                $"Cần vai trò {Role.NationalAdmin} hoặc {Role.ProvinceAdmin} / the {Role.NationalAdmin} or {Role.ProvinceAdmin} role is needed.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Không có quyền / forbidden");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > UnitImport.MaxBytes)
            {
                return TypedResults.Problem(
                    $"Tệp quá lớn: tối đa {UnitImport.MaxBytes / 1024 / 1024} MB / the file is too large: {UnitImport.MaxBytes / 1024 / 1024} MB at most.",
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Tệp quá lớn / too large");
            }
        }

        var result = await import.ImportAsync(buffer.ToArray(), "body", actor, actor.AsActor(ValueSources.Api), cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new UnitImportResponse(result.Imported));
        }

        var errors = result.Problems.Select(p => new UnitImportError(p.Place.Row, p.Place.Column, p.Code, p.Expected, p.Found)).ToList();
        return TypedResults.Problem(
            $"{result.Problems.Count} lỗi, không đơn vị nào được thêm / {result.Problems.Count} problem(s); no unit was added.",
            statusCode: result.IsForbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity,
            title: result.IsForbidden ? "Không có quyền / forbidden" : "Tệp không hợp lệ / invalid file",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
    }

    /// <summary>How many units were added.</summary>
    public sealed record UnitImportResponse(int Imported);

    /// <summary>One problem of a refused file.</summary>
    public sealed record UnitImportError(int? Row, string? Column, string Code, string Expected, string? Found);
}
