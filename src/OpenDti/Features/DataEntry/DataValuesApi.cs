using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// <c>PUT /api/v1/datavalues</c> (a batch, all or nothing, for a bearer token or an API key) and
/// <c>GET /api/v1/datavalues?unit=&amp;measure=&amp;period=</c>.
/// </summary>
internal static class DataValuesApi
{
    public const int MaxRead = 20_000;

    public static IServiceCollection AddDataEntry(this IServiceCollection services) =>
        services.AddScoped<DataSetCatalog>().AddScoped<ValueWriter>();

    public static IEndpointRouteBuilder MapDataValuesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/datavalues").WithTags("Data values");
        group.MapPut("/", PutAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .WithSummary("Ghi một lô số liệu / write a batch of values")
            .WithDescription("Body: [{unit, measure, period, value, comment, version}]. All or nothing: any invalid value refuses the whole batch with every problem listed (index, field, expected, found) and writes nothing. version (from GET) makes the write conditional: if someone changed the value since, it is refused with the newer value. Needs Authorization: Bearer (POST /api/v1/auth/token) or X-Api-Key.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", GetAsync)
            .WithSummary("Đọc số liệu / read values")
            .WithDescription("unit, measure, period: filters (at least unit or measure). Anonymous callers see values that are approved or not under review; a signed-in caller with access to the unit also sees drafts, each value's status and version.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Results<Ok<ValueWriteResponse>, ProblemHttpResult>> PutAsync(
        [FromBody] IReadOnlyList<DataValueInput>? body,
        string? dataSet,
        CurrentActor current,
        ValueWriter writer,
        CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return TypedResults.Problem("Phiên đăng nhập hoặc khoá API không còn hiệu lực / the credentials no longer hold; sign in again.", statusCode: StatusCodes.Status401Unauthorized, title: "Chưa xác thực / not authenticated");
        }

        if (body is null || body.Count == 0)
        {
            return TypedResults.Problem("Cần một mảng JSON các giá trị / expected a JSON array of values: [{unit, measure, period, value, comment}].", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ / bad request");
        }

        var inputs = body.Select((v, i) => new ValueInput(v.Unit ?? string.Empty, v.Measure ?? string.Empty, v.Period ?? string.Empty, v.Value, v.Comment, v.Version, new ProblemPlace(Row: i))).ToList();
        var result = await writer.WriteAsync(inputs, actor, ValueSources.Api, dataSet, reason: null, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new ValueWriteResponse(result.Written, result.Unchanged, result.Breaches))
            : Refused(result);
    }

    /// <summary>The problem details of a refused batch: the status of the worst refusal, and every problem.</summary>
    public static ProblemHttpResult Refused(ValueWriteResult result)
    {
        var (status, title) = result.Worst switch
        {
            Refusal.Forbidden => (StatusCodes.Status403Forbidden, "Không có quyền / forbidden"),
            Refusal.Locked => (StatusCodes.Status409Conflict, "Số liệu đã khoá / locked"),
            Refusal.Conflict => (StatusCodes.Status409Conflict, "Xung đột / conflict"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Số liệu không hợp lệ / invalid values"),
        };
        var errors = result.Problems.Select(p => new ValueError(
            p.Problem.Place.Row, p.Problem.Place.Sheet, p.Problem.Place.Column, p.Problem.Place.Field, p.Problem.Code, p.Problem.Expected, p.Problem.Found, p.CurrentValue, p.CurrentVersion)).ToList();
        return TypedResults.Problem(
            $"{result.Problems.Count} giá trị bị từ chối, không giá trị nào được ghi / {result.Problems.Count} value(s) refused; nothing was written.",
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
    }

    private static async Task<Results<Ok<DataValuesResponse>, ProblemHttpResult>> GetAsync(
        string? unit, string? measure, string? period, CurrentActor current, UnitHierarchy hierarchy, OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unit) && string.IsNullOrWhiteSpace(measure))
        {
            return TypedResults.Problem("Cần ít nhất unit hoặc measure / give at least unit or measure.", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ / bad request");
        }

        Period? wanted = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!Period.TryParse(period.Trim(), out var parsed))
            {
                return TypedResults.Problem($"period: cần 2024, 2024Q1 hoặc 2024-03 / expected 2024, 2024Q1 or 2024-03; nhận được / found '{period}'.", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ / bad request");
            }

            wanted = parsed;
        }

        var query = from v in db.DataValues.AsNoTracking()
                    join u in db.Units on v.UnitId equals u.Id
                    join m in db.Measures on v.MeasureId equals m.Id
                    select new { Value = v, Unit = u, Measure = m };
        if (!string.IsNullOrWhiteSpace(unit))
        {
            if (!UnitCode.IsValid(unit.Trim()))
            {
                return TypedResults.Problem($"unit: cần mã đơn vị / expected a unit code; nhận được / found '{unit}'.", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ / bad request");
            }

            var code = new UnitCode(unit.Trim());
            query = query.Where(x => x.Unit.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(measure))
        {
            if (!Domain.Frameworks.MeasureCode.IsValid(measure.Trim().ToUpperInvariant()))
            {
                return TypedResults.Problem($"measure: cần mã số liệu / expected a measure code; nhận được / found '{measure}'.", statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ / bad request");
            }

            var code = new Domain.Frameworks.MeasureCode(measure.Trim().ToUpperInvariant());
            query = query.Where(x => x.Measure.Code == code);
        }

        if (wanted is { } p)
        {
            query = query.Where(x => x.Value.Period == p);
        }

        var rows = await query.OrderBy(x => x.Value.Period).ThenBy(x => x.Unit.Code).ThenBy(x => x.Measure.Code).Take(MaxRead + 1).ToListAsync(cancellationToken);
        var unitIds = rows.Select(r => r.Unit.Id).Distinct().ToList();
        var periods = rows.Select(r => r.Value.Period).Distinct().ToList();
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => unitIds.Contains(s.UnitId) && periods.Contains(s.Period))
            .Join(db.DataSetMeasures, s => s.DataSetId, m => m.DataSetId, (s, m) => new { s.UnitId, s.Period, m.MeasureId, s.Status })
            .ToListAsync(cancellationToken);
        var status = submissions.GroupBy(s => (s.UnitId, s.MeasureId, s.Period)).ToDictionary(g => g.Key, g => g.Min(s => s.Status));
        var actor = await current.GetAsync(cancellationToken);
        var values = new List<DataValueOutput>();
        foreach (var row in rows.Take(MaxRead))
        {
            SubmissionStatus? state = status.TryGetValue((row.Unit.Id, row.Measure.Id, row.Value.Period), out var s) ? s : null;
            var canRead = actor is not null && actor.Allows(Ability.Read, await hierarchy.AncestryAsync(row.Unit.Id, cancellationToken));
            if (!canRead && state is not (null or SubmissionStatus.Approved))
            {
                continue;
            }

            values.Add(new DataValueOutput(
                row.Unit.Code.Value, row.Unit.Name, row.Measure.Code.Value, row.Value.Period.ToString(), row.Value.Value, row.Value.Comment, row.Value.Source,
                state?.ToString().ToLowerInvariant(), row.Value.IsDemo, canRead ? row.Value.ConcurrencyToken : null, row.Value.UpdatedAtUtc));
        }

        return TypedResults.Ok(new DataValuesResponse(
            values.Any(v => v.IsDemo) ? "dữ liệu minh họa / demo data" : null,
            rows.Count > MaxRead,
            values));
    }

    /// <summary>One value to write.</summary>
    public sealed record DataValueInput(string? Unit, string? Measure, string? Period, double? Value, string? Comment, Guid? Version);

    /// <summary>A written batch: values changed, values already as given, and rules the values now break (submission will need them fixed).</summary>
    public sealed record ValueWriteResponse(int Written, int Unchanged, IReadOnlyList<RuleBreach> Breaches);

    /// <summary>One refused value: its index in the batch (or sheet, row, column of a file), what was expected and found; for a conflict the newer value and version.</summary>
    public sealed record ValueError(int? Index, string? Sheet, string? Column, string? Field, string Code, string Expected, string? Found, double? CurrentValue, Guid? CurrentVersion);

    /// <summary>Values read.</summary>
    public sealed record DataValuesResponse(string? Notice, bool Truncated, IReadOnlyList<DataValueOutput> Values);

    /// <summary>One value; status and version only for callers with access to the unit.</summary>
    public sealed record DataValueOutput(
        string Unit, string UnitName, string Measure, string Period, double Value, string? Comment, string Source, string? Status, bool IsDemo, Guid? Version, DateTime UpdatedAtUtc);
}
