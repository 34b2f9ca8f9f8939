using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/api/v1/events/training</c>: training courses are public to read; organisers (bearer token or API key) create
/// them, import trainees and record completions, which write the host unit's OFFICIALS_TRAINED (source events).
/// </summary>
internal static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/v1/events/training").WithTags("Training");
        reads.MapGet("/", ListAsync).WithSummary("Khóa đào tạo / training courses");
        reads.MapGet("/{id:int}", GetAsync).WithSummary("Một khóa đào tạo / one training course").ProducesProblem(StatusCodes.Status404NotFound);

        var writes = app.MapGroup("/api/v1/events/training")
            .WithTags("Training")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/", CreateAsync)
            .WithSummary("Tạo khóa đào tạo / create a training course")
            .WithDescription("Body: {title, description, hostUnit, startsOn, endsOn (yyyy-MM-dd), sessions: [{on, topic, lecturer}]}. For a province-admin or national-admin of the host unit.");
        writes.MapPost("/{id:int}/trainees/import", ImportAsync)
            .WithSummary("Nhập danh sách học viên / import trainees from XLSX or CSV")
            .WithDescription("multipart/form-data with one file: 'Họ và tên' (full name), 'Đơn vị' (unit), 'Chức vụ' (position). All or nothing.");
        writes.MapPost("/{id:int}/complete", CompleteAsync)
            .WithSummary("Ghi nhận hoàn thành / record completions")
            .WithDescription("Body: {trainees: [ids]} or {} for every enrolled trainee. Gives certificate numbers and writes the host unit's OFFICIALS_TRAINED for the year the course ends.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TrainingCourseSummary>>> ListAsync(TrainingCourses courses, CancellationToken cancellationToken) =>
        TypedResults.Ok(await courses.ListAsync(cancellationToken));

    public static async Task<Results<Ok<TrainingCourseDetail>, ProblemHttpResult>> GetAsync(int id, TrainingCourses courses, CurrentActor current, CancellationToken cancellationToken)
    {
        var detail = await courses.GetAsync(id, await current.GetAsync(cancellationToken), cancellationToken);
        return detail is null ? ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"Không có khóa đào tạo số {id} / no training course {id}.")) : TypedResults.Ok(detail);
    }

    public static async Task<Results<Created<EventCreated>, ProblemHttpResult, ValidationProblem>> CreateAsync([FromBody] TrainingCourseInput body, CurrentActor current, TrainingCourses courses, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return EventsApi.NotAuthenticated();
        }

        var result = await courses.CreateAsync(body, actor, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/events/training/{result.Value}", new EventCreated(result.Value, $"/training/{result.Value}"))
            : result.Refusal == EventRefusal.Invalid ? EventsApi.Invalid(result.Problems) : EventsApi.Refusal(result);
    }

    public static async Task<Results<Ok<TraineesImported>, ProblemHttpResult, ValidationProblem>> ImportAsync(int id, IFormFile file, CurrentActor current, TrainingCourses courses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return EventsApi.NotAuthenticated();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await courses.ImportTraineesAsync(id, file.FileName, buffer.ToArray(), actor, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new TraineesImported(result.Value))
            : result.Refusal == EventRefusal.Invalid ? EventsApi.Invalid(result.Problems) : EventsApi.Refusal(result);
    }

    public static async Task<Results<Ok<CompletionsRecorded>, ProblemHttpResult, ValidationProblem>> CompleteAsync(int id, [FromBody] CompleteRequest? body, CurrentActor current, TrainingCourses courses, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return EventsApi.NotAuthenticated();
        }

        var result = await courses.CompleteAsync(id, body?.Trainees, actor, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Refusal == EventRefusal.Invalid ? EventsApi.Invalid(result.Problems) : EventsApi.Refusal(result);
        }

        var written = result.Value!;
        return TypedResults.Ok(new CompletionsRecorded(written.Succeeded, written.Written, [.. written.Problems.Select(p => $"{p.Problem.Code}: {p.Problem.Expected} — {p.Problem.Found}")]));
    }
}

public sealed record TraineesImported(int Imported);

public sealed record CompleteRequest(IReadOnlyList<int>? Trainees);

public sealed record CompletionsRecorded(bool MeasuresWritten, int ValuesChanged, IReadOnlyList<string> MeasureProblems);
