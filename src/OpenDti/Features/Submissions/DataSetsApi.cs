using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Features.Geography;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Submissions;

/// <summary>
/// <c>/api/v1/datasets</c>: what units report (public): each data set's measures with their checks, the
/// validation rules of its framework, and its deadlines; and <c>PUT …/{code}/deadlines/{period}</c> for
/// administrators.
/// </summary>
internal static class DataSetsApi
{
    public static IEndpointRouteBuilder MapDataSetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/datasets").WithTags("Data sets");
        group.MapGet("/", ListAsync).WithSummary("Các bộ số liệu / data sets units report");
        group.MapGet("/{code}", GetAsync)
            .WithSummary("Một bộ số liệu / one data set: measures, bounds, rules, deadlines")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{code}/deadlines/{period}", SetDeadlineAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .WithSummary("Đặt hạn nộp của một kỳ / set the deadline of a period")
            .WithDescription("Body: {\"dueOn\": \"yyyy-MM-dd\"}, from the period's first day to two years after its end. For a national or provincial administrator (Authorization: Bearer); the deadline holds for every unit reporting the data set.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DataSetSummary>>> ListAsync(DataSetCatalog catalog, OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        var frameworks = await db.Frameworks.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        var sets = await catalog.AllAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DataSetSummary>>([.. sets.Select(s => new DataSetSummary(
            s.DataSet.Code, s.DataSet.Name, s.DataSet.NameEn, frameworks[s.DataSet.FrameworkId], Name(s.DataSet.PeriodType),
            s.DataSet.ReportingLevel is { } level ? UnitLevels.Name(level) : null, s.DataSet.DefaultDeadlineDays, s.Fields.Count))]);
    }

    public static async Task<Results<Ok<DataSetDetail>, ProblemHttpResult>> GetAsync(string code, DataSetCatalog catalog, OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        var set = await catalog.FindAsync(code, cancellationToken);
        if (set is null)
        {
            return ApiProblems.NotFound($"Không có bộ số liệu mã '{code}' / no data set has the code '{code}'.");
        }

        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Versions).ThenInclude(v => v.Rules)
            .SingleAsync(f => f.Id == set.DataSet.FrameworkId, cancellationToken);
        var unitIds = set.DataSet.Units.Select(u => u.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(cancellationToken);
        var d = set.DataSet;
        return TypedResults.Ok(new DataSetDetail(
            d.Code, d.Name, d.NameEn, framework.Code, Name(d.PeriodType), d.ReportingLevel is { } level ? UnitLevels.Name(level) : null, d.DefaultDeadlineDays,
            [.. units.OrderBy(u => u.Code.Value, StringComparer.Ordinal).Select(u => u.Code.Value)],
            [.. set.Fields.Select(f => new DataSetMeasureDetail(
                f.Measure.Code.Value, f.Measure.Name, f.Measure.NameEn, f.Measure.UnitOfMeasure, f.Setting.Order, f.Setting.IsRequired, f.Setting.Minimum, f.Setting.Maximum, f.Setting.WholeNumber))],
            [.. framework.Versions.OrderBy(v => v.FirstYear).SelectMany(v => v.Rules.OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => new DataSetRule(v.Version, v.FirstYear, v.LastYear, r.Code, r.Expression, r.Message, r.MessageEn)))],
            [.. d.Deadlines.OrderBy(x => x.Period).Select(x => new DataSetDeadlineDetail(x.Period.ToString(), x.DueOn))]));
    }

    public static async Task<Results<Ok<DataSetDeadlineDetail>, ProblemHttpResult>> SetDeadlineAsync(
        string code, string period, [FromBody] DeadlineRequest? body, CurrentActor current, DataSetDeadlines deadlines, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return SubmissionsApi.NotAuthenticated();
        }

        var result = await deadlines.SetAsync(code, period, body?.DueOn, actor, cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new DataSetDeadlineDetail(result.Period!, result.DueOn!.Value));
        }

        var (status, title) = result.Refusal switch
        {
            WorkflowRefusal.NotFound => (StatusCodes.Status404NotFound, "Không tìm thấy / not found"),
            WorkflowRefusal.Forbidden => (StatusCodes.Status403Forbidden, "Không có quyền / forbidden"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Tham số không hợp lệ / invalid parameters"),
        };
        var extensions = result.Field is null
            ? null
            : new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [result.Field] = [result.Problem!] } };
        return TypedResults.Problem(result.Problem, statusCode: status, title: title, extensions: extensions);
    }

    private static string Name(Domain.Values.PeriodType type) => type.ToString().ToLowerInvariant();

    /// <summary>A data set in the list.</summary>
    public sealed record DataSetSummary(
        string Code, string Name, string? NameEn, string Framework, string PeriodType, string? ReportingLevel, int DefaultDeadlineDays, int MeasureCount);

    /// <summary>
    /// A data set: its measures in form order with their checks, the validation rules of each framework version
    /// (a period is judged by the version in force in its year), the units named to report it besides
    /// <c>ReportingLevel</c>, and the deadlines set for particular periods (others are
    /// <c>DefaultDeadlineDays</c> after the period ends).
    /// </summary>
    public sealed record DataSetDetail(
        string Code,
        string Name,
        string? NameEn,
        string Framework,
        string PeriodType,
        string? ReportingLevel,
        int DefaultDeadlineDays,
        IReadOnlyList<string> Units,
        IReadOnlyList<DataSetMeasureDetail> Measures,
        IReadOnlyList<DataSetRule> Rules,
        IReadOnlyList<DataSetDeadlineDetail> Deadlines);

    /// <summary>A measure on the form: its checks (required, bounds, whole number).</summary>
    public sealed record DataSetMeasureDetail(
        string Code, string Name, string? NameEn, string UnitOfMeasure, int Order, bool Required, double? Minimum, double? Maximum, bool WholeNumber);

    /// <summary>A validation rule of a framework version, with its message.</summary>
    public sealed record DataSetRule(string Version, int FirstYear, int? LastYear, string Code, string Expression, string Message, string? MessageEn);

    /// <summary>A deadline set for a period.</summary>
    public sealed record DataSetDeadlineDetail(string Period, DateOnly DueOn);

    /// <summary>The body of a deadline: the last day for submitting, yyyy-MM-dd.</summary>
    public sealed record DeadlineRequest(string? DueOn);
}
