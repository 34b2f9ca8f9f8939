using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenDti.Domain.Events;
using OpenDti.Domain.Problems;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/checkin/{token}</c>: a bridge point's page, opened from its QR code on a phone, with no account. It can
/// do one thing: report the point's attendance by category and a note (with antiforgery), until the event is
/// closed. A wrong, revoked or replaced token, or a closed event, gets a page that says so and what to do.
/// </summary>
[EnableRateLimiting(EventsRegistration.CheckInLimiter)]
public sealed class CheckInModel(CheckIn checkIn) : PageModel
{
    public CheckInView? View { get; private set; }

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    public bool Accepted { get; private set; }

    [BindProperty]
    public string? Officials { get; set; }

    [BindProperty]
    public string? PartyMembers { get; set; }

    [BindProperty]
    public string? Citizens { get; set; }

    [BindProperty]
    public string? Other { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        View = await checkIn.FindAsync(token, cancellationToken);
        SetStatus();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var problems = new List<InputProblem>();
        var attendance = new Attendance(Count(Officials, "officials", problems), Count(PartyMembers, "partyMembers", problems), Count(Citizens, "citizens", problems), Count(Other, "other", problems));
        if (problems.Count > 0)
        {
            View = await checkIn.FindAsync(token, cancellationToken);
            Problems = problems;
            Response.StatusCode = View.State == CheckInState.Open ? StatusCodes.Status422UnprocessableEntity : StatusOf(View.State);
            return Page();
        }

        var outcome = await checkIn.ReportAsync(token, attendance, Note, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        View = await checkIn.FindAsync(token, cancellationToken);
        Accepted = outcome.Accepted;
        Problems = outcome.Problems;
        if (!outcome.Accepted)
        {
            Response.StatusCode = outcome.State == CheckInState.Open ? StatusCodes.Status422UnprocessableEntity : StatusOf(outcome.State);
            View = View with { State = outcome.State };
        }

        return Page();
    }

    private void SetStatus()
    {
        if (View!.State != CheckInState.Open)
        {
            Response.StatusCode = StatusOf(View.State);
        }
    }

    private static int StatusOf(CheckInState state) => state switch
    {
        CheckInState.Unknown => StatusCodes.Status404NotFound,
        CheckInState.Revoked => StatusCodes.Status410Gone,
        _ => StatusCodes.Status409Conflict,
    };

    private static int Count(string? text, string field, List<InputProblem> problems)
    {
        var trimmed = text?.Trim().Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed))
        {
            return 0;
        }

        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= Attendance.MaxPerCategory)
        {
            return n;
        }

        problems.Add(new InputProblem("attendance.out-of-range", new ProblemPlace(Field: field), $"một số nguyên từ 0 đến / a whole number from 0 to {Attendance.MaxPerCategory:N0}", text));
        return 0;
    }
}
