using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenDti.Domain.Events;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/api/v1/events</c>: events are public to read (list, one event, live totals); organisers create them, add
/// or import bridge points, issue and revoke check-in links and close them with a bearer token or an API key
/// (never the cookie). <c>POST /api/v1/events/check-in</c> is the bridge points' one anonymous write: the
/// token in the body is the credential.
/// </summary>
internal static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/v1/events").WithTags("Events");
        reads.MapGet("/", ListAsync)
            .WithSummary("Sự kiện / awareness events")
            .WithDescription("from, to: dates (yyyy-MM-dd, Vietnam) to narrow to the events that overlap them. Oldest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reads.MapGet("/{id:int}", GetAsync)
            .WithSummary("Một sự kiện / one event")
            .WithDescription("The event with its agenda, bridge points (contact persons only for organisers), totals and version (send it back with a change).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:int}/totals", TotalsAsync)
            .WithSummary("Số liệu trực tiếp / live totals")
            .WithDescription("Bridge points reported of expected, distinct organisations, participants by category (officials, partyMembers, citizens, other). Never cached: the event page polls it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/events/check-in", CheckInAsync)
            .WithTags("Events")
            .RequireRateLimiting(EventsRegistration.CheckInLimiter)
            .DisableAntiforgery()
            .WithSummary("Báo cáo điểm cầu / a bridge point reports its attendance")
            .WithDescription("Body: {token, officials, partyMembers, citizens, other, note}. No account: the token of the point's check-in link. 404 for a token that is not a link, 410 for a revoked or replaced link, 409 when the event is closed, 400 with field errors for bad counts.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        var writes = app.MapGroup("/api/v1/events")
            .WithTags("Events")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/", CreateAsync)
            .WithSummary("Tạo sự kiện / create an event")
            .WithDescription("Body: {kind: conference|training|workshop, title, description, startsAt, endsAt (Vietnam time, 2026-03-20T08:00), hostUnit (unit code), organisers, partners, format: in-person|online|hybrid, videoLink, audience, agenda: [{title, speaker, speakerPosition, startsAt (08:30), materials}]}. For a province-admin or national-admin of the host unit.");
        writes.MapPut("/{id:int}", UpdateAsync)
            .WithSummary("Sửa sự kiện / change an event")
            .WithDescription("The same body as creating it, plus version (from GET /api/v1/events/{id}); replaces the details and the agenda (send the new list to add, change, reorder or remove topics). 409 when the event changed since that version (nothing written) and once the event is closed.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id:int}/bridge-points", AddBridgePointAsync)
            .WithSummary("Thêm điểm cầu / add a bridge point")
            .WithDescription("Body: {organisation, place, contactPerson, expectedAttendance}.");
        writes.MapPost("/{id:int}/bridge-points/import", ImportAsync)
            .WithSummary("Nhập điểm cầu từ tệp / import bridge points from XLSX or CSV")
            .WithDescription("multipart/form-data with one file: header row 'Đơn vị' (organisation, required), 'Địa điểm' (place), 'Người liên hệ' (contact person), 'Số người dự kiến' (expected attendance), in Vietnamese or English. All or nothing: every problem with its row and column.");
        writes.MapPost("/{id:int}/links", IssueLinksAsync)
            .WithSummary("Cấp đường dẫn điểm danh / issue check-in links")
            .WithDescription("A new link for every bridge point (or ?bridgePoint=ID), revoking the earlier ones. The links are in this answer only: the store keeps their hash.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id:int}/bridge-points/{pointId:int}/revoke", RevokeAsync)
            .WithSummary("Thu hồi đường dẫn / revoke a bridge point's link");
        writes.MapPost("/{id:int}/status", StatusAsync)
            .WithSummary("Chuyển trạng thái / set the status")
            .WithDescription("Body: {status: planned|held|reported}. Reported closes the event: links refuse, and the host unit's AWARENESS_EVENTS and AWARENESS_PARTICIPANTS for the year are written (source events).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ConferenceSummary>>, ValidationProblem>> ListAsync(string? from, string? to, EventQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = Day(from, "from", errors);
        var end = Day(to, "to", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ / invalid parameters");
        }

        return TypedResults.Ok(await queries.ListAsync(start, end?.AddDays(1), cancellationToken));
    }

    public static async Task<Results<Ok<ConferenceDetail>, ProblemHttpResult>> GetAsync(int id, EventQueries queries, CurrentActor current, CancellationToken cancellationToken)
    {
        var detail = await queries.GetAsync(id, await current.GetAsync(cancellationToken), cancellationToken);
        return detail is null ? NoSuchEvent(id) : TypedResults.Ok(detail);
    }

    public static async Task<Results<Ok<ConferenceTotals>, ProblemHttpResult>> TotalsAsync(int id, EventTotals totals, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var sum = await totals.GetAsync(id, cancellationToken);
        return sum is null ? NoSuchEvent(id) : TypedResults.Ok(sum);
    }

    public static async Task<Results<Ok<CheckInAccepted>, ProblemHttpResult, ValidationProblem>> CheckInAsync([FromBody] CheckInRequest body, CheckIn checkIn, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var outcome = await checkIn.ReportAsync(body.Token, new Attendance(body.Officials, body.PartyMembers, body.Citizens, body.Other), body.Note, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (outcome.Accepted)
        {
            return TypedResults.Ok(new CheckInAccepted(body.Officials + body.PartyMembers + body.Citizens + body.Other));
        }

        return outcome.State switch
        {
            CheckInState.Unknown => TypedResults.Problem(CheckInText.UnknownVi + " / " + CheckInText.UnknownEn, statusCode: StatusCodes.Status404NotFound, title: "Đường dẫn không hợp lệ / not a check-in link"),
            CheckInState.Revoked => TypedResults.Problem(CheckInText.RevokedVi + " / " + CheckInText.RevokedEn, statusCode: StatusCodes.Status410Gone, title: "Đường dẫn đã bị thu hồi / link revoked"),
            CheckInState.Closed => TypedResults.Problem(CheckInText.ClosedVi + " / " + CheckInText.ClosedEn, statusCode: StatusCodes.Status409Conflict, title: "Sự kiện đã chốt số liệu / event closed"),
            _ => Invalid(outcome.Problems),
        };
    }

    public static async Task<Results<Created<EventCreated>, ProblemHttpResult, ValidationProblem>> CreateAsync([FromBody] ConferenceInput body, CurrentActor current, Conferences conferences, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var result = await conferences.CreateAsync(body, actor, cancellationToken);
        return result.Succeeded ? TypedResults.Created($"/api/v1/events/{result.Value}", new EventCreated(result.Value, $"/events/{result.Value}")) : result.Refusal == EventRefusal.Invalid ? Invalid(result.Problems) : Refusal(result);
    }

    public static async Task<Results<Ok<EventCreated>, ProblemHttpResult, ValidationProblem>> UpdateAsync(int id, [FromBody] ConferenceInput body, CurrentActor current, Conferences conferences, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var result = await conferences.UpdateAsync(id, body, actor, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new EventCreated(id, $"/events/{id}")) : result.Refusal == EventRefusal.Invalid ? Invalid(result.Problems) : Refusal(result);
    }

    public static async Task<Results<Ok<BridgePointsAdded>, ProblemHttpResult, ValidationProblem>> AddBridgePointAsync(int id, [FromBody] BridgePointInput body, CurrentActor current, Conferences conferences, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var result = await conferences.AddBridgePointAsync(id, body, actor, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new BridgePointsAdded([result.Value])) : result.Refusal == EventRefusal.Invalid ? Invalid(result.Problems) : Refusal(result);
    }

    public static async Task<Results<Ok<BridgePointsAdded>, ProblemHttpResult, ValidationProblem>> ImportAsync(int id, IFormFile file, CurrentActor current, Conferences conferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await conferences.ImportBridgePointsAsync(id, file.FileName, buffer.ToArray(), actor, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new BridgePointsAdded(result.Value!)) : result.Refusal == EventRefusal.Invalid ? Invalid(result.Problems) : Refusal(result);
    }

    public static async Task<Results<Ok<IReadOnlyList<LinkIssued>>, ProblemHttpResult, ValidationProblem>> IssueLinksAsync(int id, int? bridgePoint, CurrentActor current, Conferences conferences, HttpContext context, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var result = await conferences.IssueLinksAsync(id, bridgePoint, actor, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<LinkIssued>>([.. result.Value!.Select(l => new LinkIssued(l.BridgePointId, l.Number, l.Organisation, CheckInText.LinkFor(context.Request, l.Token)))])
            : result.Refusal == EventRefusal.Invalid ? Invalid(result.Problems) : Refusal(result);
    }

    public static async Task<Results<Ok<LinksRevoked>, ProblemHttpResult, ValidationProblem>> RevokeAsync(int id, int pointId, CurrentActor current, Conferences conferences, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        var result = await conferences.RevokeLinksAsync(id, pointId, actor, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new LinksRevoked(result.Value)) : result.Refusal == EventRefusal.Invalid ? Invalid(result.Problems) : Refusal(result);
    }

    public static async Task<Results<Ok<StatusSet>, ProblemHttpResult, ValidationProblem>> StatusAsync(int id, [FromBody] StatusRequest body, CurrentActor current, Conferences conferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return NotAuthenticated();
        }

        if (!Enum.TryParse<ConferenceStatus>(body.Status, ignoreCase: true, out var status) || int.TryParse(body.Status, out _))
        {
            return Invalid([new InputProblem("field.choice", new ProblemPlace(Field: "status"), "planned, held, reported", body.Status)]);
        }

        var result = await conferences.SetStatusAsync(id, status, actor, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Refusal == EventRefusal.Invalid ? Invalid(result.Problems) : Refusal(result);
        }

        var written = result.Value;
        return TypedResults.Ok(new StatusSet(
            EventQueries.StatusName(status),
            written?.Succeeded,
            written?.Written,
            written is null ? [] : [.. written.Problems.Select(p => $"{p.Problem.Code}: {p.Problem.Expected} — {p.Problem.Found}")]));
    }

    internal static ValidationProblem Invalid(IReadOnlyList<InputProblem> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => Key(p.Place)).ToDictionary(g => g.Key, g => g.Select(Describe).ToArray(), StringComparer.Ordinal),
            title: "Dữ liệu không hợp lệ / invalid input");

    internal static string Describe(InputProblem p)
    {
        var where = p.Place.Row is { } row ? string.Create(CultureInfo.InvariantCulture, $"{p.Place.Source}{(p.Place.Sheet is null ? string.Empty : $" [{p.Place.Sheet}]")} dòng / row {row}{(p.Place.Column is null ? string.Empty : $", cột / column {p.Place.Column}")}: ") : string.Empty;
        return $"{where}cần / expected {p.Expected}; nhận được / found '{p.Found}'.";
    }

    private static string Key(ProblemPlace place) =>
        place.Row is { } row ? string.Create(CultureInfo.InvariantCulture, $"row{row}{(place.Field is null ? string.Empty : "." + place.Field)}") : place.Field ?? place.Source ?? "body";

    internal static ProblemHttpResult Refusal<TValue>(EventResult<TValue> result) => result.Refusal switch
    {
        EventRefusal.Forbidden => TypedResults.Problem(string.Join("\n", result.Problems.Select(Describe)), statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền / forbidden"),
        EventRefusal.Conflict => TypedResults.Problem(string.Join("\n", result.Problems.Select(Describe)), statusCode: StatusCodes.Status409Conflict, title: "Xung đột / conflict"),
        _ => TypedResults.Problem(string.Join("\n", result.Problems.Select(Describe)), statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy / not found"),
    };

    private static ProblemHttpResult NoSuchEvent(int id) =>
        ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"Không có sự kiện số {id} / no event {id}."));

    internal static ProblemHttpResult NotAuthenticated() =>
        TypedResults.Problem("Phiên đăng nhập hoặc khoá API không còn hiệu lực / the credentials no longer hold; sign in again.", statusCode: StatusCodes.Status401Unauthorized, title: "Chưa xác thực / not authenticated");

    private static DateTime? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ConferenceInput.VietnamOffset;
        }

        errors[name] = [$"Cần ngày dạng 2026-03-20 / expected a date such as 2026-03-20; nhận được / found '{text}'."];
        return null;
    }
}

public sealed record CheckInRequest(string? Token, int Officials, int PartyMembers, int Citizens, int Other, string? Note);

public sealed record CheckInAccepted(int Total);

public sealed record EventCreated(int Id, string Page);

public sealed record BridgePointsAdded(IReadOnlyList<int> Ids);

public sealed record LinkIssued(int BridgePoint, int Number, string Organisation, string Link);

public sealed record LinksRevoked(int Revoked);

public sealed record StatusRequest(string? Status);

public sealed record StatusSet(string Status, bool? MeasuresWritten, int? ValuesChanged, IReadOnlyList<string> MeasureProblems);
