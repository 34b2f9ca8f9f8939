using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Submissions;

/// <summary>
/// <c>/api/v1/submissions</c>: the submissions the caller may read, one submission with its values, history,
/// evidence and changes since the last approval, and the workflow steps
/// (<c>POST …/{id}/submit|return|approve|reopen</c> with <c>{version, reason}</c>). For a bearer token or
/// an API key only: never the cookie, so that no other site can make a browser take a step.
/// </summary>
internal static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/submissions")
            .WithTags("Submissions")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListAsync)
            .WithSummary("Các bản nộp / submissions the caller may read")
            .WithDescription("Filters: dataSet (code), period (2024, 2024Q1, 2024-03), status (draft, submitted, returned, approved), unit (a unit code: its submissions and those of the units under it). Oldest submitted first, at most 5,000 (truncated says when there were more).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/find", FindAsync)
            .WithSummary("Tìm bản nộp / the submission of a unit for a data set and period")
            .WithDescription("dataSet, period, unit: all required. 404 when the unit has not started it (no value saved yet) or the caller may not read the unit.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}", GetAsync)
            .WithSummary("Một bản nộp / one submission")
            .WithDescription("Status, version, values, history, evidence, the changes since the last approval (value by value) and the steps the caller may take now.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var step in new[] { "submit", "return", "approve", "reopen" })
        {
            group.MapPost($"/{{id:long}}/{step}", (long id, [FromBody] SubmissionActionRequest? body, CurrentActor current, SubmissionWorkflow workflow, UnitDirectory units, OpenDtiDbContext db, CancellationToken cancellationToken) =>
                    StepAsync(step, id, body, current, workflow, units, db, cancellationToken))
                .WithName("Submission" + char.ToUpperInvariant(step[0]) + step[1..])
                .DisableAntiforgery()
                .WithSummary(step switch
                {
                    "submit" => "Nộp để duyệt / submit for review",
                    "return" => "Trả lại để sửa / return for correction (reason required)",
                    "approve" => "Duyệt và khoá / approve and lock",
                    _ => "Mở lại bản đã duyệt / reopen an approved submission (reason required)",
                })
                .WithDescription("Body: {\"version\": the version from GET, \"reason\": text}. 403 without the right on the unit (or when reviewing one's own submission), 404 when the caller may not read it, 409 when it is not in a state the step starts from or changed since the version given (with currentStatus and currentVersion), 422 when a reason, a required value or a validation rule is missing.")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        }

        return app;
    }

    public static async Task<Results<Ok<SubmissionList>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string? dataSet, string? period, string? status, string? unit, CurrentActor current, DataSetCatalog catalog, UnitDirectory units, SubmissionQueries queries, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var set = string.IsNullOrWhiteSpace(dataSet) ? null : await catalog.FindAsync(dataSet.Trim(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(dataSet) && set is null)
        {
            errors["dataSet"] = [$"Cần mã bộ số liệu / expected the code of a data set (GET /api/v1/datasets); nhận được / found '{dataSet}'."];
        }

        Period? wanted = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.TryParse(period.Trim(), out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["period"] = [ExpectedPeriod(period)];
            }
        }

        SubmissionStatus? state = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ReviewText.TryParseStatus(status.Trim(), out var parsed))
            {
                state = parsed;
            }
            else
            {
                errors["status"] = [$"Cần một trong / expected one of draft, submitted, returned, approved; nhận được / found '{status}'."];
            }
        }

        int? within = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var found = await units.FindAsync(unit, wanted?.End ?? DateOnly.MaxValue, cancellationToken);
            if (found is null)
            {
                errors["unit"] = [$"Cần mã đơn vị / expected a unit code; nhận được / found '{unit}'."];
            }

            within = found?.Id;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters");
        }

        return TypedResults.Ok(await queries.ListAsync(actor, new SubmissionFilter(Ability.Read, set?.DataSet.Id, wanted, state, within), cancellationToken));
    }

    public static async Task<Results<Ok<SubmissionDetail>, ProblemHttpResult, ValidationProblem>> FindAsync(
        string? dataSet, string? period, string? unit, CurrentActor current, DataSetCatalog catalog, SubmissionQueries queries, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var set = string.IsNullOrWhiteSpace(dataSet) ? null : await catalog.FindAsync(dataSet.Trim(), cancellationToken);
        if (set is null)
        {
            errors["dataSet"] = [$"Cần mã bộ số liệu / expected the code of a data set (GET /api/v1/datasets); nhận được / found '{dataSet}'."];
        }

        if (!Period.TryParse(period?.Trim(), out var wanted))
        {
            errors["period"] = [ExpectedPeriod(period)];
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            errors["unit"] = ["Cần mã đơn vị / expected a unit code; nhận được / found ''."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters");
        }

        var detail = await queries.FindAsync(set!, wanted, unit!, actor, cancellationToken);
        return detail is null
            ? ApiProblems.NotFound($"Đơn vị '{unit}' chưa bắt đầu nhập {set!.DataSet.Code} kỳ {wanted}, hoặc bạn không có quyền xem / unit '{unit}' has not started {set.DataSet.Code} for {wanted}, or you may not read it.")
            : TypedResults.Ok(detail);
    }

    public static async Task<Results<Ok<SubmissionDetail>, ProblemHttpResult>> GetAsync(long id, CurrentActor current, SubmissionQueries queries, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var detail = await queries.GetAsync(id, actor, cancellationToken);
        return detail is null ? NoSuchSubmission(id) : TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<SubmissionState>, ProblemHttpResult, ValidationProblem>> StepAsync(
        string step, long id, SubmissionActionRequest? body, CurrentActor current, SubmissionWorkflow workflow, UnitDirectory units, OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        // Someone who may not read the unit learns nothing, not even that the submission exists.
        var unitId = await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.UnitId).SingleOrDefaultAsync(cancellationToken);
        if (unitId is null || !await units.AllowsAsync(actor, Ability.Read, unitId.Value, cancellationToken))
        {
            return NoSuchSubmission(id);
        }

        if (body?.Version is not { } version)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["version"] = [$"Cần phiên bản của bản nộp (trường version trong GET /api/v1/submissions/{id}) / expected the submission's version from GET /api/v1/submissions/{id}; nhận được / found none."] },
                title: "Yêu cầu không hợp lệ / bad request");
        }

        var result = step switch
        {
            "submit" => await workflow.SubmitAsync(id, actor, ValueSources.Api, version, cancellationToken),
            "return" => await workflow.ReturnAsync(id, actor, ValueSources.Api, body.Reason, version, cancellationToken),
            "approve" => await workflow.ApproveAsync(id, actor, ValueSources.Api, version, cancellationToken),
            _ => await workflow.ReopenAsync(id, actor, ValueSources.Api, body.Reason, version, cancellationToken),
        };
        if (result.Succeeded)
        {
            return TypedResults.Ok(new SubmissionState(id, ReviewText.Name(result.Status!.Value), result.Version!.Value));
        }

        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = result.Problems };
        if (result.Refusal == WorkflowRefusal.Conflict)
        {
            var now = await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Status, s.ConcurrencyToken }).SingleAsync(cancellationToken);
            extensions["currentStatus"] = ReviewText.Name(now.Status);
            extensions["currentVersion"] = now.ConcurrencyToken;
        }

        var (status, title) = result.Refusal switch
        {
            WorkflowRefusal.NotFound => (StatusCodes.Status404NotFound, "Không tìm thấy / not found"),
            WorkflowRefusal.Forbidden => (StatusCodes.Status403Forbidden, "Không có quyền / forbidden"),
            WorkflowRefusal.Conflict => (StatusCodes.Status409Conflict, "Xung đột / conflict"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Không thực hiện được / cannot be done"),
        };
        return TypedResults.Problem(string.Join('\n', result.Problems), statusCode: status, title: title, extensions: extensions);
    }

    internal static ProblemHttpResult NotAuthenticated() =>
        TypedResults.Problem("Phiên đăng nhập hoặc khoá API không còn hiệu lực / the credentials no longer hold; sign in again.", statusCode: StatusCodes.Status401Unauthorized, title: "Chưa xác thực / not authenticated");

    internal static string ExpectedPeriod(string? found) =>
        $"Cần kỳ dạng 2024, 2024Q1 hoặc 2024-03 / expected a period such as 2024, 2024Q1 or 2024-03; nhận được / found '{found}'.";

    private static ProblemHttpResult NoSuchSubmission(long id) =>
        ApiProblems.NotFound($"Không có bản nộp số {id} mà bạn được xem / no submission {id} that you may read.");
}
